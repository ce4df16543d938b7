using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineClinic.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Renames the tables of staff notes and status history from "Lead…" to "Request…" (docs/decisions/0004-vocabulary.md),
    /// keeping every row: written by hand, because EF Core sees two renamed entity types as two new tables.
    /// </summary>
    public partial class RequestVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(
                name: "LeadNotes",
                newName: "RequestNotes");

            migrationBuilder.RenameIndex(
                name: "IX_LeadNotes_ConsultationRequestId",
                table: "RequestNotes",
                newName: "IX_RequestNotes_ConsultationRequestId");

            migrationBuilder.RenameTable(
                name: "LeadStatusChanges",
                newName: "RequestStatusChanges");

            migrationBuilder.RenameIndex(
                name: "IX_LeadStatusChanges_ConsultationRequestId",
                table: "RequestStatusChanges",
                newName: "IX_RequestStatusChanges_ConsultationRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(
                name: "RequestNotes",
                newName: "LeadNotes");

            migrationBuilder.RenameIndex(
                name: "IX_RequestNotes_ConsultationRequestId",
                table: "LeadNotes",
                newName: "IX_LeadNotes_ConsultationRequestId");

            migrationBuilder.RenameTable(
                name: "RequestStatusChanges",
                newName: "LeadStatusChanges");

            migrationBuilder.RenameIndex(
                name: "IX_RequestStatusChanges_ConsultationRequestId",
                table: "LeadStatusChanges",
                newName: "IX_LeadStatusChanges_ConsultationRequestId");
        }
    }
}
