using System.Runtime.InteropServices;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// Every file the app creates (the SQLite database and its <c>-wal</c>/<c>-shm</c>, pickup emails, logs, keys) is
/// readable by the app's user only — files 0600, folders 0700 — whatever umask the process was started with.
/// </summary>
public static partial class OwnerOnlyFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>Sets the process umask to 077, so nothing is created readable by the group or others.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = SetUmask(0b000_111_111);
        }
    }

    /// <summary>
    /// Tightens a SQLite database made before the umask was set (SQLite gives <c>-wal</c> and <c>-shm</c> the
    /// database file's own mode, so the file's mode is the one that matters).
    /// </summary>
    public static void RestrictDatabase(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, OwnerOnlyFile);
            }
        }
    }

    /// <summary>Tightens a folder the app owns (its keys, pickup emails or logs), made before the umask was set.</summary>
    public static void RestrictFolder(string path)
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(path))
        {
            File.SetUnixFileMode(path, OwnerOnlyFolder);
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint SetUmask(uint mask);
}
