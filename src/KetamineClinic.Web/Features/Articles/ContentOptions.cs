namespace KetamineClinic.Web.Features.Articles;

/// <summary>Bound from the <c>Content</c> section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// Folder holding <c>articles/</c>, <c>pages/</c> and <c>faq.md</c>. Relative paths are resolved against
    /// the content root. Empty: <c>content/</c> beside the app when published, else the repository's
    /// <c>content/</c> folder two levels up from the web project in a checkout.
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

        // The published copy wins, so a deployed app never picks up an unrelated folder two levels above it.
        var published = System.IO.Path.Combine(contentRootPath, "content");
        var checkout = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRootPath, "..", "..", "content"));
        return Directory.Exists(published) || !Directory.Exists(checkout) ? published : checkout;
    }
}
