using System.Diagnostics;
using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Foundation;

/// <summary>Starts the built application as a real process with bad settings and reads what it prints.</summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Database__Provider", "SqlServer", "ConnectionStrings:Clinic")]
    [InlineData("Clinic__Email", "not-an-email", "Clinic:Email")]
    [InlineData("Clinic__Phone", "12", "Clinic:Phone")]
    [InlineData("Clinic__TimeZone", "Mars/Olympus", "Clinic:TimeZone")]
    [InlineData("Email__From", "not an address", "Email:From")]
    [InlineData("Email__StaffRecipients__0", "nobody", "Email:StaffRecipients:0")]
    [InlineData("Email__Smtp__Security", "Maybe", "Email:Smtp:Security")]
    [InlineData("Consultation__MinimumAge", "0", "Consultation:MinimumAge")]
    [InlineData("DataProtection__CertificatePath", "/nonexistent/key-encryption.pfx", "DataProtection:CertificatePath")]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_the_key(string variable, string value, string key)
    {
        var directory = Directory.CreateTempSubdirectory("clinic-config-");
        try
        {
            var (exitCode, stderr) = await RunAppAsync(directory.FullName, new() { [variable] = value });

            Assert.Equal(1, exitCode);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = Assert.Single(lines);
            Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
            Assert.Contains(key, line, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stderr)> RunAppAsync(string workDirectory, Dictionary<string, string> environment)
    {
        var webProject = Path.Combine(RepositoryPaths.Root, "src", "KetamineClinic.Web");
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.WebAssembly])
        {
            WorkingDirectory = webProject,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(workDirectory, "clinic.db")}";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(workDirectory, "logs", "clinic-.json");
        foreach (var (name, setting) in environment)
        {
            start.Environment[name] = setting;
        }

        if (environment.GetValueOrDefault("Database__Provider") == "SqlServer")
        {
            start.Environment["ConnectionStrings__Clinic"] = "";
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop on a bad setting; it should refuse to start.");
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }
}
