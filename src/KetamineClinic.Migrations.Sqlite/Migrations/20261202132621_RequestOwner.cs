using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AssignedAt",
                table: "ConsultationRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedByName",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_AssignedToId",
                table: "ConsultationRequests",
                column: "AssignedToId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_AssignedToId",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "AssignedByName",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "ConsultationRequests");
        }
    }
}
