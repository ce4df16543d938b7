using KetamineClinic.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace KetamineClinic.Migrations.SqlServer;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    // No server is contacted at design time; the connection string only selects the provider.
    public ClinicDbContext CreateDbContext(string[] args) =>
        ClinicDatabase.CreateForDesignTime(DatabaseProvider.SqlServer, "Server=localhost;Database=KetamineClinic;Integrated Security=true;TrustServerCertificate=true");
}
