using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Staff.Retention;
using KetamineClinic.Web.Features.Staff.TwoFactor;
using KetamineClinic.Web.Features.Staff.Users;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
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
                // Passkeys: their table, and the relying party's id from the request's host (WebAuthn needs a host name).
                options.Stores.SchemaVersion = ClinicDatabase.IdentitySchema;
            })
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<AuthenticatorKey>();

        // Every request re-checks the security stamp, so disabling an account ends its sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = SecondFactorSession.KeepSecondFactorClaim;
        });
        services.AddScoped<StaffCookieEvents>();
        services.AddSingleton<StaffSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IWebHostEnvironment, StaffSessionStore>((cookie, environment, sessions) =>
            {
                StaffCookie.Configure(cookie, environment);
                cookie.SessionStore = sessions;
            });
        // Identity's two-factor cookies name a member half-way through signing in (and carry a passkey ceremony's
        // state): like the session cookie, never sent over plain HTTP.
        foreach (var scheme in (string[])[IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme])
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme)
                .Configure<IWebHostEnvironment>((cookie, environment) => cookie.Cookie.SecurePolicy = StaffCookie.SecurePolicy(environment));
        }


        services.AddClientRateLimit(LoginRateLimitPolicy, provider =>
            (provider.GetRequiredService<IOptions<StaffOptions>>().Value.LoginAttemptsPerMinute, TimeSpan.FromMinutes(1)));

        services.AddRetention();
        return services;
    }

    /// <summary>
    /// Authentication, for the requests that carry the staff cookie. For every other request (every visitor's)
    /// the cookie handler could only find nothing, yet building it, with its options and logger, took about a
    /// seventh of a cached article's time in a CPU trace (docs/performance.md).
    /// </summary>
    public static IApplicationBuilder UseStaffAuthentication(this IApplicationBuilder app)
    {
        var cookieName = app.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name
            ?? throw new InvalidOperationException("The staff cookie has no name.");
        return app.UseWhen(context => context.Request.Cookies.ContainsKey(cookieName), branch => branch.UseAuthentication());
    }

    /// <summary>Staff pages are never stored by browsers or proxies.</summary>
    public static IApplicationBuilder UseNoStoreForStaffPages(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(StaffRoutes.Home, StringComparison.OrdinalIgnoreCase))
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

    /// <summary>
    /// The staff area's earlier addresses (<c>/staff/leads/…</c>, in staff emails already sent and in bookmarks)
    /// answer with a permanent redirect to the same place under <c>/staff/requests</c>, keeping the method (308).
    /// </summary>
    public static IEndpointRouteBuilder MapEarlierStaffAddresses(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(StaffRoutes.EarlierRequests + "/{**rest}", (HttpContext context, string? rest) =>
            Results.Redirect(
                StaffRoutes.Requests + (string.IsNullOrEmpty(rest) ? "" : "/" + rest) + context.Request.QueryString,
                permanent: true,
                preserveMethod: true));
        return endpoints;
    }
}

/// <summary>A disabled account is "not confirmed", so Identity refuses its sign-in like any other.</summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(!user.IsDisabled);
}
