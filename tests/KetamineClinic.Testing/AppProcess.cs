using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KetamineClinic.Testing;

/// <summary>
/// The built web app as a real Kestrel process on a free 127.0.0.1 port, with its own temporary
/// database and mail folder. Stopped (and its files removed) on dispose.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        Directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public string Directory { get; }
    public string MailDirectory => Path.Combine(Directory, "mail");
    public string DatabasePath => Path.Combine(Directory, "clinic.db");
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <param name="umask">When set (e.g. <c>000</c>), the app is started by a shell that sets this umask first.</param>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string>? settings = null, string? directory = null, string? umask = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("clinic-app-").FullName;
        System.IO.Directory.CreateDirectory(directory);
        var port = FreePort();
        var (program, arguments) = umask is null
            ? ("dotnet", new[] { RepositoryPaths.WebAssembly })
            : ("sh", new[] { "-c", $"umask {umask} && exec dotnet \"$0\"", RepositoryPaths.WebAssembly });
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.WebAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_CONTENTROOT"] = RepositoryPaths.WebProject;
        start.Environment["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(directory, "clinic.db")}";
        start.Environment["Email__PickupDirectory"] = Path.Combine(directory, "mail");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(directory, "logs", "clinic-.json");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, directory, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return app;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>Ends the process at once, as a crash or power cut would (SIGKILL).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }
}
