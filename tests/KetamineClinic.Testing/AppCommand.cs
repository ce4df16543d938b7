using System.Diagnostics;

namespace KetamineClinic.Testing;

/// <summary>Runs the built web application as a command (e.g. <c>staff create</c>, or a start-up that must fail) on a database in <c>workDirectory</c>, and waits for it to exit.</summary>
public static class AppCommand
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string workDirectory, string[] args, string? stdin = null, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.WebAssembly, .. args])
        {
            WorkingDirectory = RepositoryPaths.WebProject,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(workDirectory, "clinic.db")}";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(workDirectory, "logs", "clinic-.json");
        // Logs go to files only, so standard output carries nothing but the command's own output.
        start.Environment["Serilog__WriteTo__0__Name"] = "File";
        start.Environment["Serilog__WriteTo__0__Args__path"] = Path.Combine(workDirectory, "logs", "console-.json");
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The application did not exit in time.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
