using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KetamineClinic.Testing;

/// <summary>
/// A real SMTP server process (Debian's python3-aiosmtpd, run by the system Python) on 127.0.0.1.
/// The port is chosen up front so an app can be configured before the server is started.
/// </summary>
public sealed class SmtpServerProcess : IDisposable
{
    private Process? _process;

    public SmtpServerProcess()
    {
        Port = FreePort();
        Folder = Path.Combine(Path.GetTempPath(), "ketamineclinic-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public int Port { get; }
    public string Folder { get; }

    public IReadOnlyList<string> ReceivedFiles => Directory.GetFiles(Folder, "*.eml");

    /// <summary>How many connections the received messages came over (each client connection has its own port).</summary>
    public int ConnectionsUsed
    {
        get
        {
            var log = Path.Combine(Folder, "connections.log");
            return File.Exists(log) ? File.ReadAllLines(log).Distinct().Count() : 0;
        }
    }

    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "KetamineClinic.Testing", "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /usr/bin/python3.");
        var ready = _process.StandardOutput.ReadLineAsync();
        var finished = await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20)));
        if (finished != ready || await ready != "ready")
        {
            var error = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "no answer in 20 s";
            Stop();
            throw new InvalidOperationException($"The SMTP server did not start (is python3-aiosmtpd installed?): {error}");
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own clean-up.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
