using KetamineClinic.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.IntegrationTests.Infrastructure;

/// <summary>
/// The real application in-process, on its own temporary SQLite file and mail folder, in the
/// Production environment (so error pages and cookies behave as deployed). One per test class.
/// </summary>
public class ClinicAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];

    public ClinicAppFactory()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ketamineclinic-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "clinic.db");
        MailDirectory = Path.Combine(Directory, "mail");
        Settings["ConnectionStrings:Clinic"] = $"Data Source={DatabasePath}";
        Settings["Email:PickupDirectory"] = MailDirectory;
        Settings["Serilog:WriteTo:0:Name"] = "Console";
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public string Directory { get; }
    public string DatabasePath { get; }
    public string MailDirectory { get; }
    public string EnvironmentName { get; set; } = "Production";

    /// <summary>Configuration overrides; set them before the first client is created.</summary>
    public IDictionary<string, string?> Settings => _settings;

    /// <summary>Service registrations applied after the app's own; set before the first client is created.</summary>
    public Action<IServiceCollection>? ServiceOverrides { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (ServiceOverrides is { } overrides)
        {
            builder.ConfigureTestServices(overrides);
        }
    }

    /// <summary>A fresh DbContext on the app's database, for arranging and asserting.</summary>
    public AsyncServiceScopeWithDb CreateDbScope()
    {
        var scope = Services.CreateAsyncScope();
        return new AsyncServiceScopeWithDb(scope, scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp folder's own clean-up.
            }
        }
    }
}
