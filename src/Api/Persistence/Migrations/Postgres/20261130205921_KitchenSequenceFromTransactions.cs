using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Restaurant.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KitchenSequenceFromTransactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "TicketOrdinals");

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "Tickets",
                type: "bigint",
                nullable: false,
                defaultValueSql: "(pg_current_xact_id()::text::bigint << 12) + nextval('\"TicketOrdinals\"') % 4096",
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The column first: its default uses the sequence, which cannot be dropped while it does.
            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "Tickets",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValueSql: "(pg_current_xact_id()::text::bigint << 12) + nextval('\"TicketOrdinals\"') % 4096")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.DropSequence(
                name: "TicketOrdinals");

            // The identity comes back starting at 1; it goes on above the tickets numbered from transaction ids instead,
            // so the kitchen's sequence still only grows (tests/Api.Tests/Schema/MigrationDownTests.cs).
            migrationBuilder.Sql(
                "SELECT setval(pg_get_serial_sequence('\"Tickets\"', 'Sequence'), " +
                "(SELECT coalesce(max(\"Sequence\"), 0) + 1 FROM \"Tickets\"), false)");
        }
    }
}
