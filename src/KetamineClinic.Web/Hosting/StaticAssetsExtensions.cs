namespace KetamineClinic.Web.Hosting;

public static class StaticAssetsExtensions
{
    /// <summary>
    /// Static assets are served by <c>MapStaticAssets</c> from the manifest the build writes: fingerprinted URLs
    /// (the tag helpers write them for <c>~/</c> links) cached as immutable, with copies compressed at build or
    /// publish time. A build (not a publish) also runs that way outside Development, as the tests run it: its
    /// manifest would otherwise switch on the framework's reload-as-you-edit mode, which answers every asset
    /// with <c>no-cache</c> and compresses it on the fly. Development keeps that mode for editing styles.
    /// </summary>
    public static WebApplicationBuilder AddClinicStaticAssets(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        }

        return builder;
    }
}
