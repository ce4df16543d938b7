namespace KetamineClinic.Data.Sqlite;

/// <summary>
/// Lets this process's busiest writers (the consultation writer and the outbox dispatcher) take turns at
/// SQLite's single write lock in order, instead of colliding on it: a writer that finds the database locked
/// is put to sleep by SQLite's busy handler for up to tens of milliseconds, however soon the lock frees.
/// On SQL Server, which locks rows, the gate lets everyone through.
/// </summary>
public sealed class DatabaseWriteGate(DatabaseOptions settings)
{
    private readonly SemaphoreSlim? _turn = settings.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for this process's turn to write; dispose the result to pass the turn on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (_turn is not null)
        {
            await _turn.WaitAsync(cancellationToken);
        }

        return new Turn(_turn);
    }

    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
