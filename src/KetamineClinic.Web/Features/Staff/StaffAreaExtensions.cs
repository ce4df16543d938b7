using System.Threading.RateLimiting;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Staff.Retention;
using KetamineClinic.Web.Features.Staff.Users;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Staff;

public static class StaffAreaExtensions
{
    public const string LoginRateLimitPolicy = "staff-login";

    /// <summary>Identity, the sign-in cookie, the sign-in rate limit, the audit trail and the retention job.</summary>
    public static IServiceCollection AddStaffArea(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<ClientAddressHasher>();
        services.AddSingleton<ClinicClock>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<StaffAccounts>();
        services.AddTransient<IUserConfirmation<StaffUser>, EnabledAccountConfirmation>();

        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Routes IUserConfirmation, i.e. EnabledAccountConfirmation, into every sign-in.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddDefaultTokenProviders();

        // Every request re-checks the security stamp, so disabling an account ends its sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IWebHostEnvironment>((cookie, environment) =>
            {
                cookie.Cookie.Name = "__Host-staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.Path = "/";
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                if (environment.IsDevelopment())
                {
                    // The __Host- prefix demands Secure, which plain-HTTP development cannot offer.
                    cookie.Cookie.Name = "staff";
                }

                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/staff/login";
                cookie.LogoutPath = "/staff/logout";
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                    // Also refuses an account disabled outside StaffAccounts (which renews the stamp itself).
                    // The validator has just loaded the user into this request's DbContext, so this costs no query.
                    if (context.Principal?.Identity?.IsAuthenticated == true)
                    {
                        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<StaffUser>>();
                        if (await users.GetUserAsync(context.Principal) is not { IsDisabled: false })
                        {
                            context.RejectPrincipal();
                            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        }
                    }
                };
                cookie.Events.OnRedirectToLogin = context =>
                {
                    if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                    {
                        // A form sent after the session ended: after signing in, go back to the page the form was on
                        // (its action only accepts POST), and say that the change was not saved.
                        var login = context.RedirectUri.Split('?')[0];
                        context.RedirectUri = $"{login}?{cookie.ReturnUrlParameter}={Uri.EscapeDataString(PageOfForm(context.Request.Path))}&expired=true";
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    // A plain 403 shows the friendly "not allowed" page through the status-code pages.
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        services.AddRetention();
        return services;
    }

    /// <summary>Authentication and authorisation, after <c>UseRouting</c>; staff pages are never cached.</summary>
    public static WebApplication UseStaffArea(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The staff page a form at this path is posted from: a request's page for its actions, else the list it belongs to.</summary>
    internal static string PageOfForm(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["staff", "leads", var id, ..] when int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) => $"/staff/leads/{id}",
            ["staff", "users", ..] => "/staff/users",
            _ => "/staff/leads",
        };
    }
}

/// <summary>A disabled account is "not confirmed", so Identity refuses its sign-in like any other.</summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(!user.IsDisabled);
}
