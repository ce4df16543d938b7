using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Features.Staff.TwoFactor;
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
    public const string PasskeyFailureMessage = "That passkey did not sign you in: it was cancelled, took too long, is not one of this clinic's, or the account cannot sign in at the moment. Try again, or sign in with your email and password.";

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

    /// <summary>The WebAuthn options passkeys.js hands to <c>navigator.credentials.get()</c>: any of this site's passkeys, so no email is asked for (or revealed).</summary>
    [AllowAnonymous]
    [HttpPost(StaffRoutes.PasskeySignInOptions)]
    [EnableRateLimiting(StaffAreaExtensions.LoginRateLimitPolicy)]
    public async Task<IActionResult> PasskeySignInOptions() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>
    /// A passkey is both factors at once (something held, unlocked by the member's fingerprint, face or PIN), so it
    /// signs in without the password or a code, as Identity's own passkey sign-in does (docs/decisions/0006-passkeys.md).
    /// </summary>
    [AllowAnonymous]
    [HttpPost(StaffRoutes.PasskeySignIn)]
    [EnableRateLimiting(StaffAreaExtensions.LoginRateLimitPolicy)]
    public async Task<IActionResult> PasskeySignIn(PasskeySignInForm form, CancellationToken cancellationToken)
    {
        var anonymous = new AuditActor(null, null);
        PasskeyAssertionResult<StaffUser>? assertion = null;
        if (!string.IsNullOrEmpty(form.CredentialJson))
        {
            try
            {
                assertion = await signIn.PerformPasskeyAssertionAsync(form.CredentialJson);
            }
            catch (InvalidOperationException)
            {
                // No ceremony underway: its state lives in Identity's five-minute two-factor cookie.
            }
        }

        if (assertion is not { Succeeded: true })
        {
            await audit.WriteAsync(AuditActions.SignInFailed, null, "passkey not accepted", cancellationToken, anonymous);
            return PasskeyFailed(form);
        }

        var user = assertion.User;
        if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user) || !(await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, AuditTrail.UserSubject(user.Id), "passkey; account cannot sign in", cancellationToken, anonymous);
            return PasskeyFailed(form);
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [SecondFactorSession.Claim]);
        await audit.WriteAsync(AuditActions.SignInSucceeded, AuditTrail.UserSubject(user.Id), "passkey", cancellationToken, new AuditActor(user.Id, user.DisplayName));
        return LocalRedirect(StaffReturnUrl.Or(Url, form.ReturnUrl, StaffRoutes.Requests));
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

    private ViewResult PasskeyFailed(PasskeySignInForm form)
    {
        ModelState.AddModelError("", PasskeyFailureMessage);
        return View("Login", new LoginForm { ReturnUrl = form.ReturnUrl });
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
