using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Schedule;

/// <summary>A request's booked call as the staff inbox lists it.</summary>
public sealed record BookedCall(int RequestId, DateTime StartsAt, CallStatus Status);

/// <summary>Staff-side queries of calls, for pages owned elsewhere (the inbox's "booked call" column, the request page).</summary>
public static class BookedCalls
{
    /// <summary>The live call of each of <paramref name="requestIds"/> that has one, by request id.</summary>
    public static async Task<IReadOnlyDictionary<int, BookedCall>> ForRequestsAsync(ClinicDbContext db, IReadOnlyCollection<int> requestIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var calls = await db.ConsultationCalls.AsNoTracking()
            .Where(c => requestIds.Contains(c.ConsultationRequestId) && c.CancelledAt == null)
            .Select(c => new BookedCall(c.ConsultationRequestId, c.StartsAt, c.Status))
            .ToListAsync(cancellationToken);
        return calls.ToDictionary(c => c.RequestId);
    }
}
