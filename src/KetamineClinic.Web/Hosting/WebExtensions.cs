using Microsoft.AspNetCore.Mvc.Razor;

namespace KetamineClinic.Web.Hosting;

public static class WebExtensions
{
    /// <summary>MVC with views beside their controllers (Features/), and lower-case URLs.</summary>
    public static IServiceCollection AddClinicWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews();
        services.Configure<RazorViewEngineOptions>(options =>
            options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
            options.AppendTrailingSlash = false;
        });
        return services;
    }
}
