using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Restaurant.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LineFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Units",
                table: "Orders",
                type: "integer",
                nullable: false,
                defaultValue: 0)
                .Annotation("Relational:ColumnOrder", 10);

            migrationBuilder.AddColumn<int>(
                name: "LastPosition",
                table: "Orders",
                type: "integer",
                nullable: false,
                defaultValue: 0)
                .Annotation("Relational:ColumnOrder", 11);

            migrationBuilder.AddColumn<int>(
                name: "PendingCount",
                table: "Orders",
                type: "integer",
                nullable: false,
                defaultValue: 0)
                .Annotation("Relational:ColumnOrder", 12);

            migrationBuilder.AddColumn<string>(
                name: "PreferenceApplied",
                table: "IdempotencyRecords",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // The facts kept on the order row (Order.Units, LastPosition, PendingCount) for orders that already have lines.
            migrationBuilder.Sql("""
                UPDATE "Orders" SET
                    "Units" = COALESCE((SELECT SUM(l."Quantity") FROM "OrderLines" l WHERE l."OrderId" = "Orders"."Id"), 0),
                    "LastPosition" = COALESCE((SELECT MAX(l."Position") FROM "OrderLines" l WHERE l."OrderId" = "Orders"."Id"), 0),
                    "PendingCount" = (SELECT COUNT(*) FROM "OrderLines" l WHERE l."OrderId" = "Orders"."Id" AND l."Status" = 'Pending');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastPosition",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PendingCount",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Units",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PreferenceApplied",
                table: "IdempotencyRecords");
        }
    }
}
