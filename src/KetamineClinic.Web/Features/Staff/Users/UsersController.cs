using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KetamineClinic.Web.Features.Staff.Users;

public sealed record UsersPage(IReadOnlyList<StaffAccount> Accounts, IReadOnlyList<string> Errors, string? Email, string? DisplayName, string? Role, string? CurrentUserId);

[Authorize(Roles = StaffRoles.Admin)]
[AutoValidateAntiforgeryToken]
public sealed class UsersController(StaffAccounts accounts, UserManager<StaffUser> users) : Controller
{
    [HttpGet(StaffRoutes.Users)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new UsersPage(await accounts.ListAsync(cancellationToken), [], null, null, StaffRoles.Staff, users.GetUserId(User)));

    [HttpPost(StaffRoutes.Users)]
    public async Task<IActionResult> Create(string? email, string? displayName, string? role, string? password, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(email, role, password, displayName, AuditActor.From(User), cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new UsersPage(await accounts.ListAsync(cancellationToken), result.Errors, email, displayName, role, users.GetUserId(User)));
        }

        TempData["Message"] = "Account created.";
        return Redirect(StaffRoutes.Users);
    }

    [HttpPost(StaffRoutes.Users + "/{id}/disable")]
    public async Task<IActionResult> Disable(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            TempData["Message"] = "You cannot disable your own account.";
            return Redirect(StaffRoutes.Users);
        }

        await accounts.DisableAsync(user.Email, AuditActor.From(User), cancellationToken);
        TempData["Message"] = "Account disabled.";
        return Redirect(StaffRoutes.Users);
    }

    [HttpPost(StaffRoutes.Users + "/{id}/end-sessions")]
    public async Task<IActionResult> EndSessions(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await accounts.EndSessionsAsync(user.Email, AuditActor.From(User), cancellationToken);
        TempData["Message"] = $"Every session of {user.Email} has ended.";
        return Redirect(StaffRoutes.Users);
    }

    [HttpPost(StaffRoutes.Users + "/{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, string? password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var result = await accounts.ResetPasswordAsync(user.Email, password, AuditActor.From(User), cancellationToken);
        TempData["Message"] = result.Succeeded ? "Password reset." : "Password not reset: " + string.Join(" ", result.Errors);
        return Redirect(StaffRoutes.Users);
    }
}
