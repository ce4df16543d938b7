using KetamineClinic.Data;
using KetamineClinic.Data.Entities;

namespace KetamineClinic.Web.Email;

/// <summary>Hands each queued email to the feature writer that owns its kind, so each feature writes its own emails.</summary>
public sealed class EmailWriterRouter
{
    private readonly Dictionary<EmailKind, IEmailWriter> _writers = [];

    public EmailWriterRouter(IEnumerable<IEmailWriter> writers)
    {
        foreach (var writer in writers)
        {
            foreach (var kind in writer.Kinds)
            {
                if (!_writers.TryAdd(kind, writer))
                {
                    throw new InvalidOperationException($"Two email writers claim the kind {kind}.");
                }
            }
        }
    }

    public async Task<IEmailBatchWriter> LoadAsync(ClinicDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var batches = new Dictionary<EmailKind, IEmailBatchWriter>();
        foreach (var group in messages.Where(m => _writers.ContainsKey(m.Kind)).GroupBy(m => _writers[m.Kind]))
        {
            var batch = await group.Key.LoadAsync(db, [.. group], cancellationToken);
            foreach (var kind in group.Key.Kinds)
            {
                batches[kind] = batch;
            }
        }

        return new RoutedBatch(batches);
    }

    private sealed class RoutedBatch(Dictionary<EmailKind, IEmailBatchWriter> batches) : IEmailBatchWriter
    {
        public EmailContent Write(OutboxMessage message) =>
            batches.TryGetValue(message.Kind, out var batch)
                ? batch.Write(message)
                : throw new InvalidOperationException($"No email writer owns the kind {message.Kind}.");
    }
}
