using KetamineClinic.Data;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.IntegrationTests.Infrastructure;

public sealed class AsyncServiceScopeWithDb(AsyncServiceScope scope, ClinicDbContext db) : IAsyncDisposable
{
    public ClinicDbContext Db { get; } = db;
    public IServiceProvider Services => scope.ServiceProvider;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
