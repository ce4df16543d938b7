using KetamineClinic.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace KetamineClinic.Migrations.Sqlite;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args) =>
        ClinicDatabase.CreateForDesignTime(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
