using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using KetamineClinic.Web.Features.Staff;
using KetamineClinic.Web.Features.Staff.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KetamineClinic.IntegrationTests.Staff;

public sealed class RetentionTests : IDisposable
{
    private readonly ClinicAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task One_pass_deletes_only_closed_and_not_a_candidate_requests_past_the_retention_period()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var old = now.UtcDateTime.AddDays(-31);
        var oldClosed = await _app.AddRequestAsync(status: RequestStatus.Closed, createdAt: old);
        var oldRejected = await _app.AddRequestAsync(status: RequestStatus.NotACandidate, createdAt: old);
        var oldScheduled = await _app.AddRequestAsync(status: RequestStatus.Scheduled, createdAt: old);
        var recentClosed = await _app.AddRequestAsync(status: RequestStatus.Closed, createdAt: now.UtcDateTime.AddDays(-29));
        await using (var arrange = _app.CreateDbScope())
        {
            arrange.Db.RequestNotes.Add(new RequestNote { ConsultationRequestId = oldClosed.Id, AuthorId = "x", AuthorName = "x", Text = "note", CreatedAt = old });
            arrange.Db.RequestStatusChanges.Add(new RequestStatusChange { ConsultationRequestId = oldClosed.Id, From = RequestStatus.New, To = RequestStatus.Closed, ChangedById = "x", ChangedByName = "x", ChangedAt = old });
            await arrange.Db.SaveChangesAsync();
        }

        var job = JobAt(now);

        var deleted = await job.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        await using var scope = _app.CreateDbScope();
        var remaining = await scope.Db.ConsultationRequests.Select(r => r.Id).ToListAsync();
        Assert.Equal([oldScheduled.Id, recentClosed.Id], remaining.Order());
        Assert.False(await scope.Db.OutboxMessages.AnyAsync(m => m.ConsultationRequestId == oldClosed.Id || m.ConsultationRequestId == oldRejected.Id));
        Assert.False(await scope.Db.RequestNotes.AnyAsync(n => n.ConsultationRequestId == oldClosed.Id));
        Assert.False(await scope.Db.RequestStatusChanges.AnyAsync(c => c.ConsultationRequestId == oldClosed.Id));
        var audit = await scope.Db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RetentionDeleted);
        Assert.StartsWith("2 requests", audit.Details, StringComparison.Ordinal);
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_pass_deletes_ended_staff_sessions_and_keeps_open_ones()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var email = await _app.CreateStaffUserAsync(StaffRoles.Staff);
        await using (var arrange = _app.CreateDbScope())
        {
            var userId = (await arrange.Db.Users.SingleAsync(u => u.Email == email)).Id;
            StaffSession Session(string id, double idleHours, double absoluteHours) => new()
            {
                Id = id,
                UserId = userId,
                Ticket = [1],
                CreatedAt = now.UtcDateTime.AddHours(-13),
                IdleExpiresAt = now.UtcDateTime.AddHours(idleHours),
                ExpiresAt = now.UtcDateTime.AddHours(absoluteHours),
            };
            arrange.Db.StaffSessions.AddRange(Session("open", 0.25, 1), Session("idle", -0.1, 1), Session("past-its-hours", 0.25, -0.1));
            await arrange.Db.SaveChangesAsync();
        }

        var job = JobAt(now);
        await job.RunOnceAsync(CancellationToken.None);

        await using var scope = _app.CreateDbScope();
        Assert.Equal(["open"], await scope.Db.StaffSessions.Select(s => s.Id).ToListAsync());
    }

    private RetentionJob JobAt(DateTimeOffset now) => new(
        _app.Services.GetRequiredService<IServiceScopeFactory>(),
        new FakeTimeProvider(now),
        Options.Create(new RetentionOptions { Days = 30 }),
        NullLogger<RetentionJob>.Instance);

    [Fact]
    public async Task A_retention_period_under_30_days_stops_start_up_naming_the_key()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-retention-");
        try
        {
            var (exitCode, _, stderr) = await AppCommand.RunAsync(directory.FullName, [], environment: new() { ["Retention__Days"] = "7" });

            Assert.Equal(1, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
            Assert.Contains("Retention:Days must be between 30", line, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
