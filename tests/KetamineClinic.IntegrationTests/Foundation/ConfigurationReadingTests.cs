using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class ConfigurationReadingTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public void The_settings_files_are_read_once_and_not_watched(string environment)
    {
        using var app = new ClinicAppFactory { EnvironmentName = environment };
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, file => file.Source.Path == "appsettings.json");
        Assert.Contains(files, file => file.Source.Path == $"appsettings.{environment}.json");
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} reloads on change"));
    }
}
