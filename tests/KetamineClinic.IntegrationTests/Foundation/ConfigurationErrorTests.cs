using KetamineClinic.Testing;

namespace KetamineClinic.IntegrationTests.Foundation;

/// <summary>Starts the built application as a real process with bad settings and reads what it prints.</summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Database__SqliteSynchronous", "Off", "Database:SqliteSynchronous")]
    [InlineData("Database__Provider", "SqlServer", "ConnectionStrings:Clinic")]
    [InlineData("Clinic__Email", "not-an-email", "Clinic:Email")]
    [InlineData("Clinic__Phone", "12", "Clinic:Phone")]
    [InlineData("Clinic__TimeZone", "Mars/Olympus", "Clinic:TimeZone")]
    [InlineData("Email__From", "not an address", "Email:From")]
    [InlineData("Email__StaffRecipients__0", "nobody", "Email:StaffRecipients:0")]
    [InlineData("Email__Smtp__Security", "Maybe", "Email:Smtp:Security")]
    [InlineData("Consultation__MinimumAge", "0", "Consultation:MinimumAge")]
    [InlineData("Consultation__FormLifetimeHours", "0", "Consultation:FormLifetimeHours")]
    [InlineData("Clinic__Course__Sessions", "0", "Clinic:Course:Sessions")]
    [InlineData("Clinic__Course__Weeks__Max", "1", "Clinic:Course:Weeks:Max")]
    [InlineData("Clinic__Course__VisitMinutes", "two hours", "Clinic:Course:VisitMinutes")]
    [InlineData("Clinic__NextSteps__1", " ", "Clinic:NextSteps:1")]
    [InlineData("Clinic__Team__1__Id", "medical-director", "Clinic:Team:1:Id")]
    [InlineData("Clinic__Team__0__Name", "", "Clinic:Team:0:Name")]
    [InlineData("Clinic__Team__2__Photo", "/img/team/nobody.jpg", "Clinic:Team:2:Photo")]
    [InlineData("DataProtection__CertificatePath", "/nonexistent/key-encryption.pfx", "DataProtection:CertificatePath")]
    [InlineData("Staff__LoginAttemptsPerMinute", "ten", "Staff:LoginAttemptsPerMinute")]
    [InlineData("Email__Smtp__Port", "smtp", "Email:Smtp:Port")]
    [InlineData("Retention__Interval", "daily", "Retention:Interval")]
    [InlineData("ForwardedHeaders__KnownProxies__0", "proxy.internal", "ForwardedHeaders:KnownProxies:0")]
    [InlineData("ForwardedHeaders__KnownNetworks__0", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks:0")]
    [InlineData("Serilog__MinimumLevel__Default", "Loud", "Serilog:MinimumLevel:Default")]
    [InlineData("Serilog__MinimumLevel__Override__Microsoft", "Quiet", "Serilog:MinimumLevel:Override:Microsoft")]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_the_key(string variable, string value, string key)
    {
        var directory = Directory.CreateTempSubdirectory("clinic-config-");
        try
        {
            var environment = new Dictionary<string, string> { [variable] = value };
            if (value == "SqlServer")
            {
                environment["ConnectionStrings__Clinic"] = "";
            }

            var (exitCode, _, stderr) = await AppCommand.RunAsync(directory.FullName, [], environment: environment);

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

    [Fact]
    public async Task A_settings_file_that_is_not_json_stops_start_up_with_one_line_naming_the_file_and_position()
    {
        var root = Directory.CreateTempSubdirectory("clinic-config-root-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "appsettings.json"), "{\n  \"Clinic\": {\n    \"Name\": \"A\",,\n  }\n}\n");

            var (exitCode, _, stderr) = await AppCommand.RunAsync(root.FullName, [], environment: new() { ["ASPNETCORE_CONTENTROOT"] = root.FullName });

            Assert.Equal(1, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
            Assert.Contains("appsettings.json", line, StringComparison.Ordinal);
            Assert.Contains("line 3", line, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
