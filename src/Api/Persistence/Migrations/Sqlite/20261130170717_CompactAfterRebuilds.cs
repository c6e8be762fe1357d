using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Restaurant.Api.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: the Tables migration rebuilt Orders and Tenders, and Kitchen rebuilt OrderLines and Tickets (SQLite
    /// changes or drops a column by copying its table), which leaves the old tables' pages free inside the file. VACUUM
    /// gives them back, so the file is no larger than its data. It needs the migration's own transaction out of the way,
    /// so it runs in a migration of its own, after the rebuilds.
    /// </summary>
    public partial class CompactAfterRebuilds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("VACUUM;", suppressTransaction: true);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: VACUUM changes no schema.
        }
    }
}
