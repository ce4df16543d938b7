namespace KetamineClinic.Web.Features.Articles;

/// <summary>Bound from the <c>Content</c> section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// Folder holding <c>articles/</c>, <c>pages/</c> and <c>faq.md</c>. Relative paths are resolved against
    /// the content root. Empty: the repository's <c>content/</c> folder in a checkout, or <c>content/</c>
    /// beside the app when published.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>Reload files when they change. Defaults to on in Development only.</summary>
    public bool? Watch { get; set; }

    public static string ResolvePath(string? configured, string contentRootPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Path.GetFullPath(configured, contentRootPath);
        }

        var checkout = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRootPath, "..", "..", "content"));
        return Directory.Exists(checkout) ? checkout : System.IO.Path.Combine(contentRootPath, "content");
    }
}
