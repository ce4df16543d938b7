using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KetamineClinic.Data.Sqlite;

public static class SqliteDurability
{
    /// <summary>
    /// On SQLite, opens the context's connection and lets its commits return without waiting for the disk
    /// (<c>synchronous = NORMAL</c>) until the context closes it; the next open from the pool applies the
    /// configured setting again. Only for writes that are redone if a power cut loses them (the outbox's claims
    /// and outcomes): in WAL mode such a commit survives a crashed or killed process, and the next commit that
    /// does wait for the disk (a consultation request's) takes it to the disk too. Nothing happens on SQL Server.
    /// </summary>
    public static async Task RelaxForThisConnectionAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite())
        {
            return;
        }

        await database.OpenConnectionAsync(cancellationToken);
        await database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
    }
}
