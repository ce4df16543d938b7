namespace KetamineClinic.Testing;

public static class RepositoryPaths
{
    /// <summary>The checkout's root, found from the test binaries by walking up to KetamineClinic.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string WebProject => Path.Combine(Root, "src", "KetamineClinic.Web");

    /// <summary>The web app's built entry assembly, for tests that start it as a separate process.</summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "src", "KetamineClinic.Web", "bin", configuration, "net10.0", "KetamineClinic.Web.dll");
        }
    }

    /// <summary>Where failed browser tests leave screenshots.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts", "browser");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KetamineClinic.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KetamineClinic.sln not found above the test binaries.");
    }
}
