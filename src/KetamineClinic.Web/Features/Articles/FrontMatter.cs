namespace KetamineClinic.Web.Features.Articles;

/// <summary>The YAML block at the top of a content file. Unknown keys are rejected so typos surface.</summary>
internal sealed class FrontMatter
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Slug { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public string? Author { get; set; }
    public string? ReviewedBy { get; set; }
    public List<string>? Tags { get; set; }
    public int? Order { get; set; }
    public List<string>? KeyPoints { get; set; }
}
