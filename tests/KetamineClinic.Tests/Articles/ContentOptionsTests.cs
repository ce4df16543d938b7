using KetamineClinic.Web.Features.Articles;

namespace KetamineClinic.Tests.Articles;

public sealed class ContentOptionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ketamineclinic-paths", Guid.NewGuid().ToString("N"));

    public ContentOptionsTests() => Directory.CreateDirectory(Path.Combine(_root, "src", "Web"));

    private string WebProject => Path.Combine(_root, "src", "Web");

    [Fact]
    public void In_a_checkout_the_repository_content_folder_is_used()
    {
        Directory.CreateDirectory(Path.Combine(_root, "content"));
        Assert.Equal(Path.Combine(_root, "content"), ContentOptions.ResolvePath("", WebProject));
    }

    [Fact]
    public void A_published_copy_beside_the_app_wins()
    {
        Directory.CreateDirectory(Path.Combine(_root, "content"));
        Directory.CreateDirectory(Path.Combine(WebProject, "content"));
        Assert.Equal(Path.Combine(WebProject, "content"), ContentOptions.ResolvePath(null, WebProject));
    }

    [Fact]
    public void A_configured_relative_path_is_resolved_against_the_content_root()
    {
        Assert.Equal(Path.Combine(WebProject, "prose"), ContentOptions.ResolvePath("prose", WebProject));
        Assert.Equal("/srv/prose", ContentOptions.ResolvePath("/srv/prose", WebProject));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
