namespace KetamineClinic.Tests.Articles;

/// <summary>A throw-away content folder (articles/, pages/, faq.md) so renderer tests never depend on the real prose.</summary>
public sealed class TempContentFolder : IDisposable
{
    public TempContentFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ketamineclinic-content", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "articles"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "pages"));
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        File.WriteAllText(file, text);
        return file;
    }

    public static string Article(string title = "A fixture article", string extraFrontMatter = "", string body = "Some text.") =>
        $"""
        ---
        title: "{title}"
        description: "One sentence about it."
        keyPoints: ["The first point.", "The second point."]
        {extraFrontMatter}
        ---

        {body}
        """;

    /// <summary>A page or the FAQ: the same front matter without an article's key points.</summary>
    public static string Page(string title = "A fixture page", string body = "Some text.") =>
        $"""
        ---
        title: "{title}"
        description: "One sentence about it."
        ---

        {body}
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }
}
