using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Staff.Account;

[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class AccountController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit, ClientAddressHasher hasher, IOptions<StaffOptions> options) : Controller
{
    /// <summary>One message for every failure, so the page never reveals whether an account exists or is locked.</summary>
    public const string FailureMessage = "The email or password is not right, or the account cannot sign in at the moment.";

    // A password hash to check against when no real one is checked, made once with the app's own hasher.
    private static string? _timingHash;

    [AllowAnonymous]
    [HttpGet(StaffRoutes.Login)]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost(StaffRoutes.Login)]
    [EnableRateLimiting(StaffAreaExtensions.LoginRateLimitPolicy)]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // A failed attempt is nobody's action: the account it named is its subject, never its actor.
        var anonymous = new AuditActor(null, null);
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is null)
        {
            CheckAPasswordForNothing(form.Password!);
            // The email is kept only as a keyed hash: repeated attempts on one address stay visible.
            await audit.WriteAsync(AuditActions.SignInFailed, null, $"unknown account {HashEmail(form.Email)}", cancellationToken, anonymous);
            return Failed(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // Identity has set only its short-lived two-factor cookie; the session starts after the code.
            return LocalRedirect($"{StaffRoutes.LoginCode}?{StaffCookie.ReturnUrlParameter}={Uri.EscapeDataString(StaffReturnUrl.Or(Url, form.ReturnUrl, StaffRoutes.Requests))}");
        }

        if (!result.Succeeded)
        {
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Identity refused before checking the password.
                CheckAPasswordForNothing(form.Password!);
            }

            var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
            await audit.WriteAsync(AuditActions.SignInFailed, AuditTrail.UserSubject(user.Id), reason, cancellationToken, anonymous);
            return Failed(form);
        }

        // No second factor yet: with Staff:RequireTwoFactor the session opens only the set-up page (SecondFactorSession).
        var mustSetUp = options.Value.RequireTwoFactor;
        await audit.WriteAsync(AuditActions.SignInSucceeded, AuditTrail.UserSubject(user.Id), mustSetUp ? "password; second factor to set up" : "password only",
            cancellationToken, new AuditActor(user.Id, user.DisplayName));
        return LocalRedirect(mustSetUp ? StaffRoutes.AuthenticatorSetup : StaffReturnUrl.Or(Url, form.ReturnUrl, StaffRoutes.Requests));
    }

    [HttpPost(StaffRoutes.Logout)]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(AuditActions.SignedOut, null, null, cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect(StaffRoutes.Login);
    }

    [HttpGet(StaffRoutes.Home)]
    public IActionResult Home() => LocalRedirect(StaffRoutes.Requests);

    private ViewResult Failed(LoginForm form)
    {
        ModelState.AddModelError("", FailureMessage);
        form.Password = null;
        return View("Login", form);
    }

    /// <summary>
    /// Costs what checking a real password costs (one deliberately slow hash), so a failure answers in the
    /// same time whether or not the account exists or can sign in; otherwise the time alone would tell
    /// which emails are accounts.
    /// </summary>
    private void CheckAPasswordForNothing(string password)
    {
        var stranger = new StaffUser();
        _timingHash ??= users.PasswordHasher.HashPassword(stranger, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(stranger, _timingHash, password);
    }

    private string HashEmail(string email) => hasher.Hash(email.Trim().ToUpperInvariant())[..16];
}
