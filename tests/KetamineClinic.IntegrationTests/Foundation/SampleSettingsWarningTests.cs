using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;

namespace KetamineClinic.IntegrationTests.Foundation;

/// <summary>Reads the app's real log file after a Production start.</summary>
public sealed class SampleSettingsWarningTests
{
    private const string Warning = "The sample clinic's settings are still in use";

    [Fact]
    public async Task A_production_start_on_the_sample_clinic_logs_one_warning_naming_the_keys()
    {
        using var app = WithLogFile(new ClinicAppFactory());

        var log = await LogAfterStartAsync(app);

        var line = Assert.Single(log.Split('\n'), l => l.Contains(Warning, StringComparison.Ordinal));
        Assert.Contains("\"@l\":\"Warning\"", line, StringComparison.Ordinal);
        Assert.Contains("\"SampleSettingKeys\":\"Clinic:Phone, Clinic:Email, Clinic:Team:0, Clinic:Team:1, Clinic:Team:2\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leftover_sample_member_is_named_on_its_own()
    {
        using var app = WithLogFile(WithOwnClinic(new ClinicAppFactory()));
        app.Settings["Clinic:Team:1:Name"] = "Jordan Example (fictional)";

        var log = await LogAfterStartAsync(app);

        var line = Assert.Single(log.Split('\n'), l => l.Contains(Warning, StringComparison.Ordinal));
        Assert.Contains("\"SampleSettingKeys\":\"Clinic:Team:1\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_start_with_the_clinics_own_identity_and_team_logs_no_warning()
    {
        using var app = WithLogFile(WithOwnClinic(new ClinicAppFactory()));

        var log = await LogAfterStartAsync(app);

        Assert.DoesNotContain(Warning, log, StringComparison.Ordinal);
    }

    private static ClinicAppFactory WithOwnClinic(ClinicAppFactory app)
    {
        app.Settings["Clinic:Phone"] = "(312) 201-4477";
        app.Settings["Clinic:Email"] = "care@lakeshore-clinic.org";
        string[] names = ["Dr. Rowan Field", "Casey Brook", "Morgan Vale"];
        for (var i = 0; i < names.Length; i++)
        {
            app.Settings[$"Clinic:Team:{i}:Name"] = names[i];
            app.Settings[$"Clinic:Team:{i}:Photo"] = "";
        }

        return app;
    }

    private static ClinicAppFactory WithLogFile(ClinicAppFactory app)
    {
        app.Settings["Serilog:WriteTo:1:Name"] = "File";
        app.Settings["Serilog:WriteTo:1:Args:path"] = Path.Combine(app.Directory, "logs", "clinic-.json");
        app.Settings["Serilog:WriteTo:1:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact";
        return app;
    }

    /// <summary>The log once a request has been served, so every start-up task has run and been written.</summary>
    private static async Task<string> LogAfterStartAsync(ClinicAppFactory app)
    {
        using var response = await app.CreateClient().GetAsync("/costs");
        return await Eventually.GetAsync(() => ReadLogAsync(Path.Combine(app.Directory, "logs")), text => text.Contains("/costs", StringComparison.Ordinal));
    }

    private static async Task<string> ReadLogAsync(string directory)
    {
        var text = "";
        foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory) : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text += await reader.ReadToEndAsync();
        }

        return text;
    }
}
