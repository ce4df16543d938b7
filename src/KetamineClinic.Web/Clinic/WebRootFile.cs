namespace KetamineClinic.Web.Clinic;

/// <summary>Checks a configured image path: it must be a site path ("/img/…") naming a file that exists in wwwroot.</summary>
public static class WebRootFile
{
    /// <summary>Null when <paramref name="path"/> is fine; otherwise the end of a sentence saying what is wrong.</summary>
    public static string? Problem(string webRoot, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            return $"'{path}' must be a path under wwwroot starting with '/', e.g. /img/photos/room.jpg.";
        }

        var full = Path.GetFullPath(Path.Combine(webRoot, path.TrimStart('/')));
        return File.Exists(full) ? null : $"'{path}' names no file in wwwroot.";
    }
}
