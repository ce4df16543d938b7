using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KetamineClinic.Web.Features.Staff.Account;

[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class AccountController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit, ClientAddressHasher hasher) : Controller
{
    /// <summary>One message for every failure, so the page never reveals whether an account exists or is locked.</summary>
    public const string FailureMessage = "The email or password is not right, or the account cannot sign in at the moment.";

    [AllowAnonymous]
    [HttpGet("/staff/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("/staff/login")]
    [EnableRateLimiting(StaffAreaExtensions.LoginRateLimitPolicy)]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is null)
        {
            // The email is kept only as a keyed hash: repeated attempts on one address stay visible.
            await audit.WriteAsync(AuditActions.SignInFailed, null, $"unknown account {HashEmail(form.Email)}", cancellationToken, new AuditActor(null, null));
            return Failed(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        var actor = new AuditActor(user.Id, user.DisplayName);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
            await audit.WriteAsync(AuditActions.SignInFailed, AuditTrail.UserSubject(user.Id), reason, cancellationToken, actor);
            return Failed(form);
        }

        await audit.WriteAsync(AuditActions.SignInSucceeded, AuditTrail.UserSubject(user.Id), null, cancellationToken, actor);
        return Url.IsLocalUrl(form.ReturnUrl) && form.ReturnUrl.StartsWith("/staff", StringComparison.OrdinalIgnoreCase)
            ? LocalRedirect(form.ReturnUrl)
            : LocalRedirect("/staff/leads");
    }

    [HttpPost("/staff/logout")]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(AuditActions.SignedOut, null, null, cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("/staff/login");
    }

    [HttpGet("/staff")]
    public IActionResult Home() => LocalRedirect("/staff/leads");

    private ViewResult Failed(LoginForm form)
    {
        ModelState.AddModelError("", FailureMessage);
        form.Password = null;
        return View("Login", form);
    }

    private string HashEmail(string email) => hasher.Hash(email.Trim().ToUpperInvariant())[..16];
}
