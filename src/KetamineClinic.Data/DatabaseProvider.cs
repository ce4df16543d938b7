namespace KetamineClinic.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
