using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Staff;

/// <summary>
/// Keeps staff sessions in the database (<see cref="StaffSession"/>): the cookie holds a random key, so a session
/// ends on the server — at sign-out, when the account is disabled or its password reset, after the idle timeout,
/// and <c>Staff:SessionMaxHours</c> after sign-in whatever the activity.
/// </summary>
public sealed class StaffSessionStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    TimeProvider time,
    IOptions<StaffOptions> options) : ITicketStore
{
    // A renewal that changes nothing but the idle expiry, by less than this, is not written: every staff request
    // renews the ticket (the security stamp is checked each time), and the idle timeout need not be kept to the second.
    // Any other change (a sign-in over the session, a new stamp or claim) is always written.
    private static readonly TimeSpan _renewalGranularity = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector("KetamineClinic.StaffSessions.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var session = new StaffSession
        {
            Id = IdOf(key),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? throw new InvalidOperationException("A staff ticket has no user id."),
            CreatedAt = now,
            ExpiresAt = now.AddHours(options.Value.SessionMaxHours),
        };
        Write(session, ticket);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        // A session ended meanwhile (signed out elsewhere) stays ended: there is nothing to renew.
        var id = IdOf(key);
        var session = await db.StaffSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || (IdleExpiryOf(ticket, session) - session.IdleExpiresAt < _renewalGranularity && SameContent(Read(session), ticket)))
        {
            return;
        }

        Write(session, ticket);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var id = IdOf(key);
        var session = await db.StaffSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (session is null)
        {
            return null;
        }

        if (now >= session.ExpiresAt || now >= session.IdleExpiresAt)
        {
            await db.StaffSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        var ticket = Read(session);
        if (ticket is not null && (ticket.Properties.ExpiresUtc is not { } expires || expires.UtcDateTime > session.ExpiresAt))
        {
            // The cookie handler then refuses the ticket itself at the absolute end, whatever a renewal asked for.
            ticket.Properties.ExpiresUtc = new DateTimeOffset(session.ExpiresAt, TimeSpan.Zero);
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var id = IdOf(key);
        await db.StaffSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private AuthenticationTicket? Read(StaffSession session)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool SameContent(AuthenticationTicket? stored, AuthenticationTicket renewed)
    {
        static IEnumerable<string> Content(AuthenticationTicket ticket) =>
            ticket.Principal.Claims.Select(c => $"claim {c.Type}={c.Value}")
                .Concat(ticket.Properties.Items.Where(i => i.Key is not ".issued" and not ".expires").Select(i => $"item {i.Key}={i.Value}"))
                .Order(StringComparer.Ordinal);

        return stored is not null && Content(stored).SequenceEqual(Content(renewed), StringComparer.Ordinal);
    }

    private void Write(StaffSession session, AuthenticationTicket ticket)
    {
        session.IdleExpiresAt = IdleExpiryOf(ticket, session);
        session.Ticket = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
    }

    private static DateTime IdleExpiryOf(AuthenticationTicket ticket, StaffSession session) =>
        ticket.Properties.ExpiresUtc is { } expires && expires.UtcDateTime < session.ExpiresAt ? expires.UtcDateTime : session.ExpiresAt;

    private static string IdOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
