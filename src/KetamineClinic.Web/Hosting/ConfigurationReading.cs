namespace KetamineClinic.Web.Hosting;

public static class ConfigurationReading
{
    /// <summary>
    /// The command line with the host's reload-on-change turned off, so the settings files are read once, at start.
    /// </summary>
    /// <remarks>
    /// Options are validated when the app starts; a settings file edited while it runs would otherwise reach some
    /// services (those reading IOptionsMonitor) unvalidated and not others, and a half-saved file would be read.
    /// The file watcher it needs also watches the whole content root, App_Data included, and so woke on every
    /// database and pickup-folder write. A change of settings takes a restart.
    /// </remarks>
    public static string[] ReadOnce(string[] args) => [.. args, "--hostBuilder:reloadConfigOnChange=false"];
}
