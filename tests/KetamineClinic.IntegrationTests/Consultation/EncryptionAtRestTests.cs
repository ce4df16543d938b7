using KetamineClinic.Data;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KetamineClinic.IntegrationTests.Consultation;

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
        fields["BestTimeToReach"] = "Marker-b71c evenings, after my panic group";
        fields["HeardAboutUs"] = "Marker-h93d my psychiatrist";
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
        var contactNotes = await ReadColumnAsync(connection,
            "SELECT BestTimeToReach || '|' || HeardAboutUs FROM ConsultationRequests WHERE Reference = $reference", reference);
        Assert.DoesNotContain("Marker-", Assert.Single(contactNotes), StringComparison.Ordinal);

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

    [Fact]
    public async Task Best_time_and_heard_about_us_stored_in_clear_text_before_the_upgrade_are_encrypted_at_the_next_start()
    {
        using var earlier = new ClinicAppFactory();
        var request = await earlier.AddRequestAsync();
        await using (var scope = earlier.CreateDbScope())
        {
            // The database as the previous version left it: the schema before the migration, the values in clear text.
            var before = scope.Db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_EncryptBestTimeAndHeardAboutUs", StringComparison.Ordinal)).Last();
            await scope.Db.GetService<IMigrator>().MigrateAsync(before);
            await scope.Db.Database.ExecuteSqlAsync(
                $"UPDATE ConsultationRequests SET BestTimeToReach = {"Marker-5e2a mornings, before my panic"}, HeardAboutUs = {"Marker-0c7d my GP"} WHERE Id = {request.Id}");
        }

        using var upgraded = new ClinicAppFactory();
        upgraded.Settings["ConnectionStrings:Clinic"] = $"Data Source={earlier.DatabasePath}";
        await using (var scope = upgraded.CreateDbScope())
        {
            var row = await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == request.Id);
            Assert.Equal("Marker-5e2a mornings, before my panic", row.BestTimeToReach);
            Assert.Equal("Marker-0c7d my GP", row.HeardAboutUs);
        }

        await using var connection = new SqliteConnection($"Data Source={earlier.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var stored = Assert.Single(await ReadColumnAsync(connection,
            "SELECT BestTimeToReach || '|' || HeardAboutUs FROM ConsultationRequests WHERE Reference = $reference", request.Reference));
        Assert.DoesNotContain("Marker-", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(PlainTextUpgrade.Marker, stored, StringComparison.Ordinal);
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
