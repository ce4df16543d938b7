using KetamineClinic.Data.Configurations;
using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KetamineClinic.Data;

public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options, PersonalDataProtector protector)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<RequestNote> RequestNotes => Set<RequestNote>();
    public DbSet<RequestStatusChange> RequestStatusChanges => Set<RequestStatusChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    // Booking (issue 16)
    public DbSet<ConsultationCall> ConsultationCalls => Set<ConsultationCall>();
    public DbSet<AvailabilitySettings> AvailabilitySettings => Set<AvailabilitySettings>();

    internal PersonalDataProtector Protector => protector;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new ConsultationRequestConfiguration(protector));
        builder.ApplyConfiguration(new RequestNoteConfiguration(protector));
        builder.ApplyConfiguration(new OutboxMessageConfiguration(protector));
        builder.ApplyConfiguration(new RequestStatusChangeConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new StaffUserConfiguration());
        builder.ApplyConfiguration(new StaffSessionConfiguration());
        builder.ApplyConfiguration(new ConsultationCallConfiguration());
        builder.ApplyConfiguration(new AvailabilitySettingsConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets DateTimeKind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RejectAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RejectAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RejectAuditChanges()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is AuditEntry or RequestNote)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} rows are append-only.");
            }
        }
    }
}

/// <summary>
/// The model holds the protector's converter, so each protector (one per application host) gets its own cached model.
/// </summary>
internal sealed class ProtectorAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is ClinicDbContext clinic
            ? (context.GetType(), clinic.Protector, designTime)
            : (context.GetType(), designTime);
}
