using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineClinic.Migrations.SqlServer.Migrations
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
            migrationBuilder.DropForeignKey(
                name: "FK_LeadNotes_ConsultationRequests_ConsultationRequestId",
                table: "LeadNotes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_LeadNotes",
                table: "LeadNotes");

            migrationBuilder.RenameTable(
                name: "LeadNotes",
                newName: "RequestNotes");

            migrationBuilder.RenameIndex(
                name: "IX_LeadNotes_ConsultationRequestId",
                table: "RequestNotes",
                newName: "IX_RequestNotes_ConsultationRequestId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_RequestNotes",
                table: "RequestNotes",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_RequestNotes_ConsultationRequests_ConsultationRequestId",
                table: "RequestNotes",
                column: "ConsultationRequestId",
                principalTable: "ConsultationRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.DropForeignKey(
                name: "FK_LeadStatusChanges_ConsultationRequests_ConsultationRequestId",
                table: "LeadStatusChanges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_LeadStatusChanges",
                table: "LeadStatusChanges");

            migrationBuilder.RenameTable(
                name: "LeadStatusChanges",
                newName: "RequestStatusChanges");

            migrationBuilder.RenameIndex(
                name: "IX_LeadStatusChanges_ConsultationRequestId",
                table: "RequestStatusChanges",
                newName: "IX_RequestStatusChanges_ConsultationRequestId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_RequestStatusChanges",
                table: "RequestStatusChanges",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_RequestStatusChanges_ConsultationRequests_ConsultationRequestId",
                table: "RequestStatusChanges",
                column: "ConsultationRequestId",
                principalTable: "ConsultationRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RequestNotes_ConsultationRequests_ConsultationRequestId",
                table: "RequestNotes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_RequestNotes",
                table: "RequestNotes");

            migrationBuilder.RenameTable(
                name: "RequestNotes",
                newName: "LeadNotes");

            migrationBuilder.RenameIndex(
                name: "IX_RequestNotes_ConsultationRequestId",
                table: "LeadNotes",
                newName: "IX_LeadNotes_ConsultationRequestId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_LeadNotes",
                table: "LeadNotes",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_LeadNotes_ConsultationRequests_ConsultationRequestId",
                table: "LeadNotes",
                column: "ConsultationRequestId",
                principalTable: "ConsultationRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.DropForeignKey(
                name: "FK_RequestStatusChanges_ConsultationRequests_ConsultationRequestId",
                table: "RequestStatusChanges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_RequestStatusChanges",
                table: "RequestStatusChanges");

            migrationBuilder.RenameTable(
                name: "RequestStatusChanges",
                newName: "LeadStatusChanges");

            migrationBuilder.RenameIndex(
                name: "IX_RequestStatusChanges_ConsultationRequestId",
                table: "LeadStatusChanges",
                newName: "IX_LeadStatusChanges_ConsultationRequestId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_LeadStatusChanges",
                table: "LeadStatusChanges",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_LeadStatusChanges_ConsultationRequests_ConsultationRequestId",
                table: "LeadStatusChanges",
                column: "ConsultationRequestId",
                principalTable: "ConsultationRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
