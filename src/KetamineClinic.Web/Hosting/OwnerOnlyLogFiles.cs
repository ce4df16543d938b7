using System.Text;
using Serilog.Sinks.File;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// Log files readable and writable by the app's own user only (0600), as every file the app writes is:
/// named in <c>Serilog:WriteTo:1:Args:hooks</c> as <c>KetamineClinic.Web.Hosting.OwnerOnlyLogFiles::Hooks, KetamineClinic.Web</c>.
/// </summary>
public sealed class OwnerOnlyLogFiles : FileLifecycleHooks
{
    public static OwnerOnlyLogFiles Hooks { get; } = new();

    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            OwnerOnlyFiles.RestrictFolder(Path.GetDirectoryName(path)!);
        }

        return underlyingStream;
    }
}
