using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Restaurant.Api.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: the Money migration rebuilt Orders and Tenders, which leaves the old tables' pages free inside the
    /// file; VACUUM gives them back (as CompactAfterRebuilds does after the earlier rebuilds). It needs the migration's
    /// own transaction out of the way, so it runs in a migration of its own.
    /// </summary>
    public partial class CompactAfterMoney : Migration
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
