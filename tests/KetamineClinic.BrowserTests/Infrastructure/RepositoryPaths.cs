namespace KetamineClinic.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "src", "KetamineClinic.Web", "bin", configuration, "net10.0", "KetamineClinic.Web.dll");
        }
    }

    /// <summary>Where screenshots of failed tests go (kept by CI as artifacts).</summary>
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
