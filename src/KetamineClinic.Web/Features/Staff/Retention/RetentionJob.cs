using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Staff.Retention;

/// <summary>
/// Deletes requests that are Closed or Not a candidate and have not changed for <c>Retention:Days</c>,
/// together with their emails, notes and status history (the database cascades the delete), and ended staff sessions.
/// </summary>
public sealed partial class RetentionJob(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass tries again; a failed clean-up must not stop the site.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One clean-up pass; returns how many requests were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.Days);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var deleted = await db.ConsultationRequests
            .Where(r => (r.Status == RequestStatus.Closed || r.Status == RequestStatus.NotACandidate) && r.UpdatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        // Ended sessions are refused when used; this only keeps the table small.
        var now = time.GetUtcNow().UtcDateTime;
        await db.StaffSessions.Where(s => s.ExpiresAt <= now || s.IdleExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        if (deleted > 0)
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.WriteAsync(AuditActions.RetentionDeleted, null, $"{deleted} requests older than {options.Value.Days} days", cancellationToken, AuditActor.System);
            LogDeleted(logger, deleted, options.Value.Days);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} requests older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class RetentionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());
        return services;
    }
}
