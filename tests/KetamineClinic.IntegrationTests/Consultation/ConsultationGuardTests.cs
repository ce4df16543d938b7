using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class RateLimitTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();

    public RateLimitTests()
    {
        _factory.Settings["Consultation:RateLimit:PermitLimit"] = "2";
        _factory.Settings["Consultation:RateLimit:WindowSeconds"] = "600";
    }

    [Fact]
    public async Task Posts_over_the_limit_get_429_with_the_friendly_page_and_are_not_stored()
    {
        using var client = _factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();

        using var first = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields());
        using var second = await client.PostFormAsync(await client.OpenFormAsync(), ConsultationFormPoster.ValidFields());
        using var third = await client.PostFormAsync(await client.OpenFormAsync(), ConsultationFormPoster.ValidFields());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await third.ReadDocumentAsync();
        Assert.Equal("Please wait a moment", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='tel:+13125550147']"));
        await using var scope = _factory.CreateDbScope();
        Assert.Equal(2, await scope.Db.ConsultationRequests.CountAsync());

        using var form = await client.GetAsync("/consultation");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}

public sealed class MinimumFillTimeTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();

    public MinimumFillTimeTests() => _factory.Settings["Consultation:MinimumFillSeconds"] = "2";

    [Fact]
    public async Task A_form_sent_faster_than_the_minimum_fill_time_looks_accepted_but_is_not_stored()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.SubmitAsync(ConsultationFormPoster.ValidFields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.StartsWith("Thank you", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=reference]"));
        await using var scope = _factory.CreateDbScope();
        Assert.Equal(0, await scope.Db.ConsultationRequests.CountAsync());
    }

    [Fact]
    public async Task A_form_sent_after_the_minimum_fill_time_is_stored()
    {
        using var client = _factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        using var response = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields());

        var reference = ConsultationFormPoster.ReferenceFrom(response);
        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == reference));
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>Reads the SQLite file directly, as someone holding only a copy of the database would.</summary>
public sealed class EncryptionAtRestTests(ConsultationAppFactory factory) : IClassFixture<ConsultationAppFactory>
{
    [Fact]
    public async Task The_database_file_alone_reveals_neither_health_information_nor_an_unencrypted_key()
    {
        const string secret = "Marker-7f3a panic attacks on the train";
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields(secret);
        fields["Concerns"] = "social-anxiety";
        fields["Pregnancy"] = "Yes";
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(fields));

        await using (var scope = factory.CreateDbScope())
        {
            // Through the app the text reads back as typed.
            Assert.Equal(secret, await scope.Db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.HelpWith).SingleAsync());
        }

        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var (helpWith, healthAnswers) = await ReadRowAsync(connection, reference);
        Assert.DoesNotContain("Marker-7f3a", helpWith, StringComparison.Ordinal);
        Assert.DoesNotContain("panic", helpWith, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("social-anxiety", healthAnswers, StringComparison.Ordinal);
        Assert.DoesNotContain("Pregnancy", healthAnswers, StringComparison.Ordinal);
        Assert.True(helpWith.Length > secret.Length, "the stored value should be ciphertext");

        var keys = await ReadColumnAsync(connection, "SELECT Xml FROM DataProtectionKeys");
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        // The outbox keeps no copy of the emails' content: they are rendered from the request when sent.
        var kinds = await ReadColumnAsync(connection,
            "SELECT o.Kind FROM OutboxMessages o JOIN ConsultationRequests r ON r.Id = o.ConsultationRequestId WHERE r.Reference = $reference",
            reference);
        Assert.Equal(["Acknowledgement", "StaffNotification"], kinds.Order());
        var outboxColumns = await ReadColumnAsync(connection, "SELECT name FROM pragma_table_info('OutboxMessages')");
        Assert.Contains("MessageId", outboxColumns);
        Assert.DoesNotContain(outboxColumns, c => c is "Recipients" or "Subject" or "TextBody" or "HtmlBody");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "src", "KetamineClinic.Web", "App_Data", "keys", "key-encryption.pfx")));
    }

    [Fact]
    public async Task Another_instance_sharing_the_database_and_certificate_reads_the_data_back()
    {
        const string secret = "Marker-91bc shared across instances";
        using var client = factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields(secret)));

        using var second = new ConsultationAppFactory();
        second.Settings["ConnectionStrings:Clinic"] = $"Data Source={factory.DatabasePath}";
        await using var scope = second.CreateDbScope();

        Assert.Equal(secret, await scope.Db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.HelpWith).SingleAsync());
    }

    private static async Task<(string HelpWith, string HealthAnswers)> ReadRowAsync(SqliteConnection connection, string reference)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT HelpWith, HealthAnswers FROM ConsultationRequests WHERE Reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    private static async Task<List<string>> ReadColumnAsync(SqliteConnection connection, string sql, string? reference = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (reference is not null)
        {
            command.Parameters.AddWithValue("$reference", reference);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

public sealed class ConfiguredCertificateTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();
    private readonly X509Certificate2 _certificate;

    public ConfiguredCertificateTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_factory.Directory, "configured.pfx");
        File.WriteAllBytes(path, _certificate.Export(X509ContentType.Pfx, "s3cret-pass"));
        _factory.Settings["DataProtection:CertificatePath"] = path;
        _factory.Settings["DataProtection:CertificatePassword"] = "s3cret-pass";
    }

    [Fact]
    public async Task Keys_are_encrypted_with_the_configured_certificate()
    {
        using var client = _factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));

        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == reference));
        var keys = await scope.Db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        var embedded = Convert.ToBase64String(_certificate.RawData);
        Assert.All(keys, xml => Assert.Contains(embedded, xml, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _certificate.Dispose();
    }
}
