using System.Net;
using KetamineClinic.Testing;

namespace KetamineClinic.SystemTests;

/// <summary>Two app processes on one database, as behind a load balancer.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task An_antiforgery_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-two-instances-").FullName;
        try
        {
            await PostAcrossInstancesAsync(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Two_instances_sending_the_same_outbox_deliver_each_email_once()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-two-senders-").FullName;
        try
        {
            await SendFromBothInstancesAsync(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_instance_whose_certificate_cannot_decrypt_the_key_ring_refuses_to_start_and_adds_no_key()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-two-certificates-").FullName;
        try
        {
            var database = Path.Combine(directory, "shared.db");
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__Clinic"] = $"Data Source={database}",
                ["DataProtection__CertificatePath"] = NewCertificate(Path.Combine(directory, "first.pfx")),
            };
            await using (var first = await AppProcess.StartAsync(settings, Path.Combine(directory, "a")))
            {
                Assert.Equal(1, await KeyCountAsync(database));
            }

            // A second server without the first one's certificate (or a database restored without App_Data/keys).
            var (exitCode, _, stderr) = await AppCommand.RunAsync(Path.Combine(directory, "b"), [], environment: new()
            {
                ["ConnectionStrings__Clinic"] = $"Data Source={database}",
                ["DataProtection__CertificatePath"] = NewCertificate(Path.Combine(directory, "second.pfx")),
            });

            Assert.Equal(1, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Configuration error: DataProtection:CertificatePath: the certificate", line, StringComparison.Ordinal);
            Assert.Equal(1, await KeyCountAsync(database));

            // The right certificate still opens it.
            await using var again = await AppProcess.StartAsync(settings, Path.Combine(directory, "c"));
            Assert.Equal(1, await KeyCountAsync(database));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string NewCertificate(string path)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=Test key encryption", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        return path;
    }

    private static async Task<long> KeyCountAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM DataProtectionKeys";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task SendFromBothInstancesAsync(string directory)
    {
        // The mail server starts only after both instances hold a backlog, so both dispatchers race for the same due rows.
        using var smtp = new SmtpServerProcess();
        var settings = FaultSettings.Smtp(smtp.Port);
        settings["Email__Outbox__PollIntervalSeconds"] = "0.2";
        settings["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(directory, "shared.db")}";
        await using var first = await AppProcess.StartAsync(settings, Path.Combine(directory, "a"));
        await using var second = await AppProcess.StartAsync(settings, Path.Combine(directory, "b"));
        var database = Path.Combine(directory, "shared.db");

        var references = new List<string>();
        using (var toFirst = new ConsultationVisitor(first.BaseAddress))
        using (var toSecond = new ConsultationVisitor(second.BaseAddress))
        {
            for (var i = 0; i < 16; i++)
            {
                references.Add(await (i % 2 == 0 ? toFirst : toSecond).SubmitAsync() ?? throw new InvalidOperationException($"Submission {i} got no confirmation."));
            }
        }

        await smtp.StartAsync();
        await Eventually.GetAsync(() => ClinicDatabaseReader.UnsentEmailsAsync(database), n => n == 0,
            TimeSpan.FromSeconds(60), "Every email should be sent once the SMTP server is up");
        await Task.Delay(TimeSpan.FromSeconds(3)); // both dispatchers poll every second: time for a second send, if one were coming
        var mail = DeliveredMail.ReadAll(smtp.ReceivedFiles);

        Assert.Equal(references.Order(), (await ClinicDatabaseReader.ReferencesAsync(database)).Order());
        Assert.Equal(32, mail.Count);
        Assert.Empty(DeliveredMail.Duplicates(mail));
        Assert.All(references, reference => Assert.Equal(2, mail.Count(m => m.Reference == reference)));
    }

    private static async Task PostAcrossInstancesAsync(string directory)
    {
        await using var first = await AppProcess.StartAsync(directory: Path.Combine(directory, "a"),
            settings: new Dictionary<string, string> { ["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(directory, "shared.db")}" });
        await using var second = await AppProcess.StartAsync(directory: Path.Combine(directory, "b"),
            settings: new Dictionary<string, string> { ["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(directory, "shared.db")}" });

        using var fromFirst = new FormClient(first.BaseAddress);
        var fields = await fromFirst.GetFormFieldsAsync("/self-check");
        var answers = Enumerable.Range(0, 7).Select(i => KeyValuePair.Create($"Answers[{i}]", "1"));

        // Same cookie jar, other instance: cookies are per host, so copy the antiforgery cookie across.
        var cookies = new CookieContainer();
        foreach (Cookie cookie in fromFirst.Cookies.GetCookies(first.BaseAddress))
        {
            cookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value));
        }

        using var toSecond = new FormClient(second.BaseAddress, cookies);
        using var accepted = await toSecond.PostAsync("/self-check", fields.Concat(answers));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("data-testid=\"score\"", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // And a token the two instances never issued is not accepted (the form comes back unscored), so the test can tell the difference.
        var forged = fields.ToDictionary(f => f.Key, f => f.Key == "__RequestVerificationToken" ? "CfDJ8forged" : f.Value);
        using var refused = await toSecond.PostAsync("/self-check", forged.Concat(answers));
        Assert.DoesNotContain("data-testid=\"score\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
