using System.Diagnostics;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;

namespace KetamineClinic.IntegrationTests.Foundation;

/// <summary>The Nu Html Checker (vnu.jar, installed by test.sh into tools/vnu) finds no error in any public page.</summary>
public sealed class HtmlValidityTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static readonly string _checker = Path.Combine(RepositoryPaths.Root, "tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task Every_public_page_is_valid_html()
    {
        Assert.True(File.Exists(_checker), $"The Nu Html Checker is missing at {_checker}; ./test.sh installs it (npm package vnu-jar).");
        var folder = Directory.CreateTempSubdirectory("clinic-html-").FullName;
        try
        {
            var client = app.CreateClient();
            string[] paths = ["/", "/articles", "/articles/how-ketamine-works", "/faq", "/treatment", "/costs", "/team", "/privacy", "/accessibility", "/self-check", "/consultation"];
            foreach (var path in paths)
            {
                var html = await client.GetStringAsync(path);
                await File.WriteAllTextAsync(Path.Combine(folder, "page" + path.Replace('/', '_') + ".html"), html);
            }

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-jar", _checker, "--errors-only", folder })
            {
                start.ArgumentList.Add(argument);
            }

            using var checker = Process.Start(start)!;
            var errors = checker.StandardError.ReadToEndAsync();
            var output = await checker.StandardOutput.ReadToEndAsync();
            await checker.WaitForExitAsync();
            Assert.True(checker.ExitCode == 0, "The Nu Html Checker found errors:\n" + await errors + output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
