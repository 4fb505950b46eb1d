"""Printed cells of tables 41-53 (report pp. 65-75) pinned against the seed text.

Every number here was read from the seed transcript
(../shared/seed/000_8edc72f3b5a13a6f.txt, `python3 /work/seedpages.py N`), not copied
from the YAML transcription; only the row/group/column ids are the YAML's keys.
Percents are strings as printed (decimal comma written as a point), counts are ints,
None where the seed prints nothing.
"""

from __future__ import annotations

from collections import Counter

import pytest

# Printed cells per table (rows x columns x groups, Total row/column included),
# counted in the seed text.
EXPECTED_CELL_COUNTS = {
    "T41": 72,  # 6 rows x 2 groups x (5 answers + Total)
    "T42": 7,  # 1 row x (5 scale steps + Ved ikke + Total)
    "T43": 24,  # 4 rows x (5 answers + Total)
    "T44": 28,  # 4 rows x (6 answers + Total)
    "T45": 21,  # 3 rows x (6 answers + Total)
    "T46": 60,  # 5 rows x 2 groups x (5 answers + Total)
    "T47": 12,  # 2 rows x (5 answers + Total)
    "T48": 42,  # 3 rows x 2 groups x (6 answers + Total)
    "T49": 48,  # 4 rows x 2 groups x (5 answers + Total)
    "T50": 8,  # 1 row x (5 scale steps + 2 + Total)
    "T51": 14,  # 1 row x 2 groups x (6 answers + Total)
    "T52": 48,  # 3 rows x 2 groups x (5 scale steps + 2 + Total)
    "T53": 16,  # 2 rows x (5 scale steps + 2 + Total)
}

PRINTED = [
    # Tabel 41: PDF page 67 (printed p. 65).
    # Six labels first, then twelve value rows, each starting "Projektledere" / "Bestyrelse".
    # Totals printed "100 % (56)" / "100 % (186)".
    ("T41", "municipal_politicians", "project_leaders", "high_degree", "13", 7),
    ("T41", "municipal_politicians", "project_leaders", "some_degree", "38", 21),
    ("T41", "municipal_politicians", "project_leaders", "lesser_degree", "21", 12),
    ("T41", "municipal_politicians", "project_leaders", "not_at_all", "5", 3),
    ("T41", "municipal_politicians", "project_leaders", "dont_know", "23", 13),
    ("T41", "municipal_politicians", "project_leaders", "total", "100", 56),
    ("T41", "municipal_politicians", "board_members", "high_degree", "12", 22),
    ("T41", "municipal_politicians", "board_members", "some_degree", "36", 67),
    ("T41", "municipal_politicians", "board_members", "lesser_degree", "25", 46),
    ("T41", "municipal_politicians", "board_members", "not_at_all", "16", 29),
    ("T41", "municipal_politicians", "board_members", "dont_know", "12", 22),
    ("T41", "municipal_politicians", "board_members", "total", "100", 186),
    ("T41", "housing_organisation_politicians", "project_leaders", "high_degree", "9", 5),
    ("T41", "housing_organisation_politicians", "project_leaders", "some_degree", "34", 19),
    ("T41", "housing_organisation_politicians", "project_leaders", "lesser_degree", "25", 14),
    ("T41", "housing_organisation_politicians", "project_leaders", "not_at_all", "7", 4),
    ("T41", "housing_organisation_politicians", "project_leaders", "dont_know", "25", 14),
    ("T41", "housing_organisation_politicians", "project_leaders", "total", "100", 56),
    ("T41", "housing_organisation_politicians", "board_members", "high_degree", "19", 35),
    ("T41", "housing_organisation_politicians", "board_members", "some_degree", "32", 60),
    ("T41", "housing_organisation_politicians", "board_members", "lesser_degree", "17", 31),
    ("T41", "housing_organisation_politicians", "board_members", "not_at_all", "8", 14),
    ("T41", "housing_organisation_politicians", "board_members", "dont_know", "25", 46),
    ("T41", "housing_organisation_politicians", "board_members", "total", "100", 186),
    ("T41", "municipal_managers", "project_leaders", "high_degree", "23", 13),
    ("T41", "municipal_managers", "project_leaders", "some_degree", "48", 27),
    ("T41", "municipal_managers", "project_leaders", "lesser_degree", "11", 6),
    ("T41", "municipal_managers", "project_leaders", "not_at_all", "2", 1),
    ("T41", "municipal_managers", "project_leaders", "dont_know", "16", 9),
    ("T41", "municipal_managers", "project_leaders", "total", "100", 56),
    ("T41", "municipal_managers", "board_members", "high_degree", "24", 44),
    ("T41", "municipal_managers", "board_members", "some_degree", "51", 95),
    ("T41", "municipal_managers", "board_members", "lesser_degree", "15", 28),
    ("T41", "municipal_managers", "board_members", "not_at_all", "4", 7),
    ("T41", "municipal_managers", "board_members", "dont_know", "6", 12),
    ("T41", "municipal_managers", "board_members", "total", "100", 186),
    ("T41", "housing_organisation_managers", "project_leaders", "high_degree", "29", 16),
    ("T41", "housing_organisation_managers", "project_leaders", "some_degree", "45", 25),
    ("T41", "housing_organisation_managers", "project_leaders", "lesser_degree", "13", 7),
    ("T41", "housing_organisation_managers", "project_leaders", "not_at_all", "4", 2),
    ("T41", "housing_organisation_managers", "project_leaders", "dont_know", "11", 6),
    ("T41", "housing_organisation_managers", "project_leaders", "total", "100", 56),
    ("T41", "housing_organisation_managers", "board_members", "high_degree", "30", 55),
    ("T41", "housing_organisation_managers", "board_members", "some_degree", "39", 72),
    ("T41", "housing_organisation_managers", "board_members", "lesser_degree", "8", 14),
    ("T41", "housing_organisation_managers", "board_members", "not_at_all", "4", 8),
    ("T41", "housing_organisation_managers", "board_members", "dont_know", "20", 37),
    ("T41", "housing_organisation_managers", "board_members", "total", "100", 186),
    ("T41", "municipal_staff", "project_leaders", "high_degree", "9", 5),
    ("T41", "municipal_staff", "project_leaders", "some_degree", "45", 25),
    ("T41", "municipal_staff", "project_leaders", "lesser_degree", "23", 13),
    ("T41", "municipal_staff", "project_leaders", "not_at_all", "7", 4),
    ("T41", "municipal_staff", "project_leaders", "dont_know", "16", 9),
    ("T41", "municipal_staff", "project_leaders", "total", "100", 56),
    ("T41", "municipal_staff", "board_members", "high_degree", "12", 23),
    ("T41", "municipal_staff", "board_members", "some_degree", "45", 84),
    ("T41", "municipal_staff", "board_members", "lesser_degree", "27", 51),
    ("T41", "municipal_staff", "board_members", "not_at_all", "6", 11),
    ("T41", "municipal_staff", "board_members", "dont_know", "9", 17),
    ("T41", "municipal_staff", "board_members", "total", "100", 186),
    ("T41", "housing_organisation_staff", "project_leaders", "high_degree", "11", 6),
    ("T41", "housing_organisation_staff", "project_leaders", "some_degree", "30", 17),
    ("T41", "housing_organisation_staff", "project_leaders", "lesser_degree", "27", 15),
    ("T41", "housing_organisation_staff", "project_leaders", "not_at_all", "21", 12),
    ("T41", "housing_organisation_staff", "project_leaders", "dont_know", "11", 6),
    ("T41", "housing_organisation_staff", "project_leaders", "total", "100", 56),
    ("T41", "housing_organisation_staff", "board_members", "high_degree", "14", 26),
    ("T41", "housing_organisation_staff", "board_members", "some_degree", "31", 57),
    ("T41", "housing_organisation_staff", "board_members", "lesser_degree", "20", 37),
    ("T41", "housing_organisation_staff", "board_members", "not_at_all", "10", 19),
    ("T41", "housing_organisation_staff", "board_members", "dont_know", "25", 47),
    ("T41", "housing_organisation_staff", "board_members", "total", "100", 186),
    # Tabel 42: PDF page 68 (printed p. 66).
    # One row, heading "Dårligt Godt Ved ikke Total": 5-step scale, Ved ikke, Total.
    ("T42", "cooperation_within_board", "all", "scale_1", "1", 1),
    ("T42", "cooperation_within_board", "all", "scale_2", "3", 6),
    ("T42", "cooperation_within_board", "all", "scale_3", "10", 19),
    ("T42", "cooperation_within_board", "all", "scale_4", "41", 77),
    ("T42", "cooperation_within_board", "all", "scale_5", "41", 77),
    ("T42", "cooperation_within_board", "all", "dont_know", "3", 6),
    ("T42", "cooperation_within_board", "all", "total", "100", 186),
    # Tabel 43: PDF page 68 (printed p. 66).
    ("T43", "overall_goals", "all", "high_degree", "57", 106),
    ("T43", "overall_goals", "all", "some_degree", "37", 68),
    ("T43", "overall_goals", "all", "lesser_degree", "4", 8),
    ("T43", "overall_goals", "all", "not_at_all", "1", 1),
    ("T43", "overall_goals", "all", "dont_know", "2", 3),
    ("T43", "overall_goals", "all", "total", "100", 186),
    ("T43", "concrete_goals", "all", "high_degree", "45", 83),
    ("T43", "concrete_goals", "all", "some_degree", "46", 86),
    ("T43", "concrete_goals", "all", "lesser_degree", "8", 14),
    ("T43", "concrete_goals", "all", "not_at_all", "0", 0),
    ("T43", "concrete_goals", "all", "dont_know", "2", 3),
    ("T43", "concrete_goals", "all", "total", "100", 186),
    ("T43", "primary_problems", "all", "high_degree", "49", 91),
    ("T43", "primary_problems", "all", "some_degree", "43", 80),
    ("T43", "primary_problems", "all", "lesser_degree", "5", 10),
    ("T43", "primary_problems", "all", "not_at_all", "1", 2),
    ("T43", "primary_problems", "all", "dont_know", "2", 3),
    ("T43", "primary_problems", "all", "total", "100", 186),
    ("T43", "solutions", "all", "high_degree", "21", 39),
    ("T43", "solutions", "all", "some_degree", "62", 116),
    ("T43", "solutions", "all", "lesser_degree", "13", 25),
    ("T43", "solutions", "all", "not_at_all", "1", 2),
    ("T43", "solutions", "all", "dont_know", "2", 4),
    ("T43", "solutions", "all", "total", "100", 186),
    # Tabel 44: PDF page 69 (printed p. 67).
    # Bottom heading line: I høj grad | grad | grad | Slet ikke | vurdere | Ved ikke | Total.
    ("T44", "ensure_implementation", "all", "high_degree", "32", 60),
    ("T44", "ensure_implementation", "all", "some_degree", "45", 83),
    ("T44", "ensure_implementation", "all", "lesser_degree", "9", 17),
    ("T44", "ensure_implementation", "all", "not_at_all", "1", 2),
    ("T44", "ensure_implementation", "all", "too_early", "7", 13),
    ("T44", "ensure_implementation", "all", "dont_know", "6", 11),
    ("T44", "ensure_implementation", "all", "total", "100", 186),
    ("T44", "monitor_progress", "all", "high_degree", "28", 53),
    ("T44", "monitor_progress", "all", "some_degree", "47", 88),
    ("T44", "monitor_progress", "all", "lesser_degree", "11", 21),
    ("T44", "monitor_progress", "all", "not_at_all", "1", 2),
    ("T44", "monitor_progress", "all", "too_early", "6", 12),
    ("T44", "monitor_progress", "all", "dont_know", "5", 10),
    ("T44", "monitor_progress", "all", "total", "100", 186),
    ("T44", "develop_new_initiatives", "all", "high_degree", "16", 29),
    ("T44", "develop_new_initiatives", "all", "some_degree", "46", 85),
    ("T44", "develop_new_initiatives", "all", "lesser_degree", "20", 38),
    ("T44", "develop_new_initiatives", "all", "not_at_all", "6", 11),
    ("T44", "develop_new_initiatives", "all", "too_early", "7", 13),
    ("T44", "develop_new_initiatives", "all", "dont_know", "5", 10),
    ("T44", "develop_new_initiatives", "all", "total", "100", 186),
    ("T44", "integrate_plan_in_urban_strategy", "all", "high_degree", "25", 46),
    ("T44", "integrate_plan_in_urban_strategy", "all", "some_degree", "45", 84),
    ("T44", "integrate_plan_in_urban_strategy", "all", "lesser_degree", "14", 26),
    ("T44", "integrate_plan_in_urban_strategy", "all", "not_at_all", "3", 5),
    ("T44", "integrate_plan_in_urban_strategy", "all", "too_early", "6", 11),
    ("T44", "integrate_plan_in_urban_strategy", "all", "dont_know", "8", 14),
    ("T44", "integrate_plan_in_urban_strategy", "all", "total", "100", 186),
    # Tabel 45: PDF page 69 (printed p. 67).
    # Bottom heading line: I høj grad | grad | grad | ikke | været relevant | Ved ikke | Total.
    ("T45", "barriers_raised_in_board", "all", "high_degree", "18", 33),
    ("T45", "barriers_raised_in_board", "all", "some_degree", "41", 77),
    ("T45", "barriers_raised_in_board", "all", "lesser_degree", "16", 30),
    ("T45", "barriers_raised_in_board", "all", "not_at_all", "5", 9),
    ("T45", "barriers_raised_in_board", "all", "not_yet_relevant", "14", 26),
    ("T45", "barriers_raised_in_board", "all", "dont_know", "6", 11),
    ("T45", "barriers_raised_in_board", "all", "total", "100", 186),
    ("T45", "board_sets_direction", "all", "high_degree", "18", 33),
    ("T45", "board_sets_direction", "all", "some_degree", "40", 75),
    ("T45", "board_sets_direction", "all", "lesser_degree", "18", 33),
    ("T45", "board_sets_direction", "all", "not_at_all", "2", 4),
    ("T45", "board_sets_direction", "all", "not_yet_relevant", "17", 32),
    ("T45", "board_sets_direction", "all", "dont_know", "5", 9),
    ("T45", "board_sets_direction", "all", "total", "100", 186),
    ("T45", "barriers_reduced", "all", "high_degree", "9", 17),
    ("T45", "barriers_reduced", "all", "some_degree", "41", 76),
    ("T45", "barriers_reduced", "all", "lesser_degree", "18", 34),
    ("T45", "barriers_reduced", "all", "not_at_all", "3", 5),
    ("T45", "barriers_reduced", "all", "not_yet_relevant", "22", 40),
    ("T45", "barriers_reduced", "all", "dont_know", "8", 14),
    ("T45", "barriers_reduced", "all", "total", "100", 186),
    # Tabel 46: PDF page 71 (printed p. 69).
    # Percent only, counts only in Total. Five labels first, then ten value rows (PL, B).
    ("T46", "transparency_of_decision_authority", "project_leaders", "high_degree", "18", None),
    ("T46", "transparency_of_decision_authority", "project_leaders", "some_degree", "46", None),
    ("T46", "transparency_of_decision_authority", "project_leaders", "lesser_degree", "14", None),
    ("T46", "transparency_of_decision_authority", "project_leaders", "not_at_all", "5", None),
    ("T46", "transparency_of_decision_authority", "project_leaders", "dont_know", "16", None),
    ("T46", "transparency_of_decision_authority", "project_leaders", "total", "100", 56),
    ("T46", "transparency_of_decision_authority", "board_members", "high_degree", "21", None),
    ("T46", "transparency_of_decision_authority", "board_members", "some_degree", "42", None),
    ("T46", "transparency_of_decision_authority", "board_members", "lesser_degree", "16", None),
    ("T46", "transparency_of_decision_authority", "board_members", "not_at_all", "8", None),
    ("T46", "transparency_of_decision_authority", "board_members", "dont_know", "14", None),
    ("T46", "transparency_of_decision_authority", "board_members", "total", "100", 185),
    ("T46", "coordination_between_decision_makers", "project_leaders", "high_degree", "14", None),
    ("T46", "coordination_between_decision_makers", "project_leaders", "some_degree", "38", None),
    ("T46", "coordination_between_decision_makers", "project_leaders", "lesser_degree", "23", None),
    ("T46", "coordination_between_decision_makers", "project_leaders", "not_at_all", "4", None),
    ("T46", "coordination_between_decision_makers", "project_leaders", "dont_know", "21", None),
    ("T46", "coordination_between_decision_makers", "project_leaders", "total", "100", 56),
    ("T46", "coordination_between_decision_makers", "board_members", "high_degree", "19", None),
    ("T46", "coordination_between_decision_makers", "board_members", "some_degree", "49", None),
    ("T46", "coordination_between_decision_makers", "board_members", "lesser_degree", "16", None),
    ("T46", "coordination_between_decision_makers", "board_members", "not_at_all", "4", None),
    ("T46", "coordination_between_decision_makers", "board_members", "dont_know", "12", None),
    ("T46", "coordination_between_decision_makers", "board_members", "total", "100", 185),
    ("T46", "flexibility_of_decision_process", "project_leaders", "high_degree", "23", None),
    ("T46", "flexibility_of_decision_process", "project_leaders", "some_degree", "30", None),
    ("T46", "flexibility_of_decision_process", "project_leaders", "lesser_degree", "16", None),
    ("T46", "flexibility_of_decision_process", "project_leaders", "not_at_all", "7", None),
    ("T46", "flexibility_of_decision_process", "project_leaders", "dont_know", "23", None),
    ("T46", "flexibility_of_decision_process", "project_leaders", "total", "100", 56),
    ("T46", "flexibility_of_decision_process", "board_members", "high_degree", "14", None),
    ("T46", "flexibility_of_decision_process", "board_members", "some_degree", "44", None),
    ("T46", "flexibility_of_decision_process", "board_members", "lesser_degree", "16", None),
    ("T46", "flexibility_of_decision_process", "board_members", "not_at_all", "8", None),
    ("T46", "flexibility_of_decision_process", "board_members", "dont_know", "19", None),
    ("T46", "flexibility_of_decision_process", "board_members", "total", "100", 185),
    ("T46", "less_waiting_for_conflict_resolution", "project_leaders", "high_degree", "14", None),
    ("T46", "less_waiting_for_conflict_resolution", "project_leaders", "some_degree", "14", None),
    ("T46", "less_waiting_for_conflict_resolution", "project_leaders", "lesser_degree", "18", None),
    ("T46", "less_waiting_for_conflict_resolution", "project_leaders", "not_at_all", "7", None),
    ("T46", "less_waiting_for_conflict_resolution", "project_leaders", "dont_know", "46", None),
    ("T46", "less_waiting_for_conflict_resolution", "project_leaders", "total", "100", 56),
    ("T46", "less_waiting_for_conflict_resolution", "board_members", "high_degree", "9", None),
    ("T46", "less_waiting_for_conflict_resolution", "board_members", "some_degree", "30", None),
    ("T46", "less_waiting_for_conflict_resolution", "board_members", "lesser_degree", "19", None),
    ("T46", "less_waiting_for_conflict_resolution", "board_members", "not_at_all", "9", None),
    ("T46", "less_waiting_for_conflict_resolution", "board_members", "dont_know", "33", None),
    ("T46", "less_waiting_for_conflict_resolution", "board_members", "total", "100", 185),
    ("T46", "clearer_common_direction", "project_leaders", "high_degree", "18", None),
    ("T46", "clearer_common_direction", "project_leaders", "some_degree", "38", None),
    ("T46", "clearer_common_direction", "project_leaders", "lesser_degree", "16", None),
    ("T46", "clearer_common_direction", "project_leaders", "not_at_all", "5", None),
    ("T46", "clearer_common_direction", "project_leaders", "dont_know", "23", None),
    ("T46", "clearer_common_direction", "project_leaders", "total", "100", 56),
    ("T46", "clearer_common_direction", "board_members", "high_degree", "16", None),
    ("T46", "clearer_common_direction", "board_members", "some_degree", "45", None),
    ("T46", "clearer_common_direction", "board_members", "lesser_degree", "16", None),
    ("T46", "clearer_common_direction", "board_members", "not_at_all", "5", None),
    ("T46", "clearer_common_direction", "board_members", "dont_know", "18", None),
    ("T46", "clearer_common_direction", "board_members", "total", "100", 185),
    # Tabel 47: PDF page 74 (printed p. 72).
    ("T47", "housing_organisation_core_operations", "all", "high_degree", "7", 4),
    ("T47", "housing_organisation_core_operations", "all", "some_degree", "34", 19),
    ("T47", "housing_organisation_core_operations", "all", "lesser_degree", "43", 24),
    ("T47", "housing_organisation_core_operations", "all", "not_at_all", "11", 6),
    ("T47", "housing_organisation_core_operations", "all", "dont_know", "5", 3),
    ("T47", "housing_organisation_core_operations", "all", "total", "100", 56),
    ("T47", "municipal_core_operations", "all", "high_degree", "16", 9),
    ("T47", "municipal_core_operations", "all", "some_degree", "50", 28),
    ("T47", "municipal_core_operations", "all", "lesser_degree", "21", 12),
    ("T47", "municipal_core_operations", "all", "not_at_all", "5", 3),
    ("T47", "municipal_core_operations", "all", "dont_know", "7", 4),
    ("T47", "municipal_core_operations", "all", "total", "100", 56),
    # Tabel 48: PDF page 74 (printed p. 72).
    # Three labels first, then six value rows (PL, B).
    ("T48", "resources_from_municipality", "project_leaders", "high_degree", "14", 8),
    ("T48", "resources_from_municipality", "project_leaders", "some_degree", "20", 11),
    ("T48", "resources_from_municipality", "project_leaders", "lesser_degree", "5", 3),
    ("T48", "resources_from_municipality", "project_leaders", "not_at_all", "20", 11),
    ("T48", "resources_from_municipality", "project_leaders", "too_early", "27", 15),
    ("T48", "resources_from_municipality", "project_leaders", "dont_know", "14", 8),
    ("T48", "resources_from_municipality", "project_leaders", "total", "100", 56),
    ("T48", "resources_from_municipality", "board_members", "high_degree", "8", 14),
    ("T48", "resources_from_municipality", "board_members", "some_degree", "34", 63),
    ("T48", "resources_from_municipality", "board_members", "lesser_degree", "20", 38),
    ("T48", "resources_from_municipality", "board_members", "not_at_all", "16", 30),
    ("T48", "resources_from_municipality", "board_members", "too_early", "16", 30),
    ("T48", "resources_from_municipality", "board_members", "dont_know", "6", 11),
    ("T48", "resources_from_municipality", "board_members", "total", "100", 186),
    ("T48", "resources_from_housing_organisation", "project_leaders", "high_degree", "14", 8),
    ("T48", "resources_from_housing_organisation", "project_leaders", "some_degree", "18", 10),
    ("T48", "resources_from_housing_organisation", "project_leaders", "lesser_degree", "14", 8),
    ("T48", "resources_from_housing_organisation", "project_leaders", "not_at_all", "18", 10),
    ("T48", "resources_from_housing_organisation", "project_leaders", "too_early", "21", 12),
    ("T48", "resources_from_housing_organisation", "project_leaders", "dont_know", "14", 8),
    ("T48", "resources_from_housing_organisation", "project_leaders", "total", "100", 56),
    ("T48", "resources_from_housing_organisation", "board_members", "high_degree", "8", 14),
    ("T48", "resources_from_housing_organisation", "board_members", "some_degree", "38", 70),
    ("T48", "resources_from_housing_organisation", "board_members", "lesser_degree", "14", 26),
    ("T48", "resources_from_housing_organisation", "board_members", "not_at_all", "13", 24),
    ("T48", "resources_from_housing_organisation", "board_members", "too_early", "12", 23),
    ("T48", "resources_from_housing_organisation", "board_members", "dont_know", "16", 29),
    ("T48", "resources_from_housing_organisation", "board_members", "total", "100", 186),
    ("T48", "resources_from_others", "project_leaders", "high_degree", "2", 1),
    ("T48", "resources_from_others", "project_leaders", "some_degree", "13", 7),
    ("T48", "resources_from_others", "project_leaders", "lesser_degree", "4", 2),
    ("T48", "resources_from_others", "project_leaders", "not_at_all", "13", 7),
    ("T48", "resources_from_others", "project_leaders", "too_early", "38", 21),
    ("T48", "resources_from_others", "project_leaders", "dont_know", "32", 18),
    ("T48", "resources_from_others", "project_leaders", "total", "100", 56),
    ("T48", "resources_from_others", "board_members", "high_degree", "3", 6),
    ("T48", "resources_from_others", "board_members", "some_degree", "13", 24),
    ("T48", "resources_from_others", "board_members", "lesser_degree", "12", 23),
    ("T48", "resources_from_others", "board_members", "not_at_all", "22", 41),
    ("T48", "resources_from_others", "board_members", "too_early", "20", 38),
    ("T48", "resources_from_others", "board_members", "dont_know", "29", 54),
    ("T48", "resources_from_others", "board_members", "total", "100", 186),
    # Tabel 49: PDF page 75 (printed p. 73).
    ("T49", "police_management_level", "project_leaders", "high_degree", "7", 4),
    ("T49", "police_management_level", "project_leaders", "some_degree", "29", 16),
    ("T49", "police_management_level", "project_leaders", "lesser_degree", "25", 14),
    ("T49", "police_management_level", "project_leaders", "not_at_all", "14", 8),
    ("T49", "police_management_level", "project_leaders", "dont_know", "25", 14),
    ("T49", "police_management_level", "project_leaders", "total", "100", 56),
    ("T49", "police_management_level", "board_members", "high_degree", "12", 22),
    ("T49", "police_management_level", "board_members", "some_degree", "23", 42),
    ("T49", "police_management_level", "board_members", "lesser_degree", "19", 36),
    ("T49", "police_management_level", "board_members", "not_at_all", "13", 25),
    ("T49", "police_management_level", "board_members", "dont_know", "33", 61),
    ("T49", "police_management_level", "board_members", "total", "100", 186),
    ("T49", "police_staff_level", "project_leaders", "high_degree", "5", 3),
    ("T49", "police_staff_level", "project_leaders", "some_degree", "21", 12),
    ("T49", "police_staff_level", "project_leaders", "lesser_degree", "30", 17),
    ("T49", "police_staff_level", "project_leaders", "not_at_all", "23", 13),
    ("T49", "police_staff_level", "project_leaders", "dont_know", "20", 11),
    ("T49", "police_staff_level", "project_leaders", "total", "100", 56),
    ("T49", "police_staff_level", "board_members", "high_degree", "7", 13),
    ("T49", "police_staff_level", "board_members", "some_degree", "25", 46),
    ("T49", "police_staff_level", "board_members", "lesser_degree", "19", 36),
    ("T49", "police_staff_level", "board_members", "not_at_all", "13", 25),
    ("T49", "police_staff_level", "board_members", "dont_know", "35", 66),
    ("T49", "police_staff_level", "board_members", "total", "100", 186),
    ("T49", "voluntary_organisations", "project_leaders", "high_degree", "4", 2),
    ("T49", "voluntary_organisations", "project_leaders", "some_degree", "14", 8),
    ("T49", "voluntary_organisations", "project_leaders", "lesser_degree", "41", 23),
    ("T49", "voluntary_organisations", "project_leaders", "not_at_all", "23", 13),
    ("T49", "voluntary_organisations", "project_leaders", "dont_know", "18", 10),
    ("T49", "voluntary_organisations", "project_leaders", "total", "100", 56),
    ("T49", "voluntary_organisations", "board_members", "high_degree", "5", 10),
    ("T49", "voluntary_organisations", "board_members", "some_degree", "19", 36),
    ("T49", "voluntary_organisations", "board_members", "lesser_degree", "22", 40),
    ("T49", "voluntary_organisations", "board_members", "not_at_all", "13", 25),
    ("T49", "voluntary_organisations", "board_members", "dont_know", "40", 75),
    ("T49", "voluntary_organisations", "board_members", "total", "100", 186),
    ("T49", "business", "project_leaders", "high_degree", "2", 1),
    ("T49", "business", "project_leaders", "some_degree", "9", 5),
    ("T49", "business", "project_leaders", "lesser_degree", "30", 17),
    ("T49", "business", "project_leaders", "not_at_all", "32", 18),
    ("T49", "business", "project_leaders", "dont_know", "27", 15),
    ("T49", "business", "project_leaders", "total", "100", 56),
    ("T49", "business", "board_members", "high_degree", "2", 4),
    ("T49", "business", "board_members", "some_degree", "13", 24),
    ("T49", "business", "board_members", "lesser_degree", "27", 50),
    ("T49", "business", "board_members", "not_at_all", "19", 35),
    ("T49", "business", "board_members", "dont_know", "39", 73),
    ("T49", "business", "board_members", "total", "100", 186),
    # Tabel 50: PDF page 75 (printed p. 73).
    # One row: 5-step scale Svækket..Styrket, For tidligt at vurdere, Ved ikke, Total.
    ("T50", "coordination_of_tools", "all", "scale_1", "1", 1),
    ("T50", "coordination_of_tools", "all", "scale_2", "3", 6),
    ("T50", "coordination_of_tools", "all", "scale_3", "26", 49),
    ("T50", "coordination_of_tools", "all", "scale_4", "18", 34),
    ("T50", "coordination_of_tools", "all", "scale_5", "12", 23),
    ("T50", "coordination_of_tools", "all", "too_early", "29", 54),
    ("T50", "coordination_of_tools", "all", "dont_know", "10", 19),
    ("T50", "coordination_of_tools", "all", "total", "100", 186),
    # Tabel 51: PDF page 76 (printed p. 74).
    # One value row per group. Columns 5-6 (Ikke relevant / Ved ikke) are flagged
    # position_uncertain in the YAML; pinned here in print order.
    ("T51", "coordination_with_physical_interventions", "project_leaders", "high_degree", "34", 19),
    ("T51", "coordination_with_physical_interventions", "project_leaders", "some_degree", "30", 17),
    (
        "T51",
        "coordination_with_physical_interventions",
        "project_leaders",
        "lesser_degree",
        "23",
        13,
    ),
    ("T51", "coordination_with_physical_interventions", "project_leaders", "not_at_all", "5", 3),
    ("T51", "coordination_with_physical_interventions", "project_leaders", "not_relevant", "5", 3),
    ("T51", "coordination_with_physical_interventions", "project_leaders", "dont_know", "2", 1),
    ("T51", "coordination_with_physical_interventions", "project_leaders", "total", "100", 56),
    ("T51", "coordination_with_physical_interventions", "board_members", "high_degree", "26", 49),
    ("T51", "coordination_with_physical_interventions", "board_members", "some_degree", "45", 85),
    ("T51", "coordination_with_physical_interventions", "board_members", "lesser_degree", "16", 30),
    ("T51", "coordination_with_physical_interventions", "board_members", "not_at_all", "2", 3),
    ("T51", "coordination_with_physical_interventions", "board_members", "not_relevant", "3", 6),
    ("T51", "coordination_with_physical_interventions", "board_members", "dont_know", "8", 15),
    ("T51", "coordination_with_physical_interventions", "board_members", "total", "100", 188),
    # Tabel 52: PDF page 76 (printed p. 74).
    # Heading "Dårligt Godt Intet samarbejde Ved ikke Total", eight numbers per row.
    ("T52", "social_housing_staff", "project_leaders", "scale_1", "0", 0),
    ("T52", "social_housing_staff", "project_leaders", "scale_2", "5", 3),
    ("T52", "social_housing_staff", "project_leaders", "scale_3", "7", 4),
    ("T52", "social_housing_staff", "project_leaders", "scale_4", "25", 14),
    ("T52", "social_housing_staff", "project_leaders", "scale_5", "48", 27),
    ("T52", "social_housing_staff", "project_leaders", "no_cooperation", "11", 6),
    ("T52", "social_housing_staff", "project_leaders", "dont_know", "4", 2),
    ("T52", "social_housing_staff", "project_leaders", "total", "100", 56),
    ("T52", "social_housing_staff", "board_members", "scale_1", "0", 0),
    ("T52", "social_housing_staff", "board_members", "scale_2", "4", 8),
    ("T52", "social_housing_staff", "board_members", "scale_3", "9", 17),
    ("T52", "social_housing_staff", "board_members", "scale_4", "20", 37),
    ("T52", "social_housing_staff", "board_members", "scale_5", "25", 47),
    ("T52", "social_housing_staff", "board_members", "no_cooperation", "16", 29),
    ("T52", "social_housing_staff", "board_members", "dont_know", "25", 47),
    ("T52", "social_housing_staff", "board_members", "total", "100", 185),
    ("T52", "steering_groups", "project_leaders", "scale_1", "0", 0),
    ("T52", "steering_groups", "project_leaders", "scale_2", "5", 3),
    ("T52", "steering_groups", "project_leaders", "scale_3", "16", 9),
    ("T52", "steering_groups", "project_leaders", "scale_4", "16", 9),
    ("T52", "steering_groups", "project_leaders", "scale_5", "21", 12),
    ("T52", "steering_groups", "project_leaders", "no_cooperation", "30", 17),
    ("T52", "steering_groups", "project_leaders", "dont_know", "11", 6),
    ("T52", "steering_groups", "project_leaders", "total", "100", 56),
    ("T52", "steering_groups", "board_members", "scale_1", "1", 1),
    ("T52", "steering_groups", "board_members", "scale_2", "4", 8),
    ("T52", "steering_groups", "board_members", "scale_3", "16", 30),
    ("T52", "steering_groups", "board_members", "scale_4", "23", 43),
    ("T52", "steering_groups", "board_members", "scale_5", "23", 43),
    ("T52", "steering_groups", "board_members", "no_cooperation", "6", 11),
    ("T52", "steering_groups", "board_members", "dont_know", "26", 49),
    ("T52", "steering_groups", "board_members", "total", "100", 185),
    ("T52", "social_housing_board", "project_leaders", "scale_1", "0", 0),
    ("T52", "social_housing_board", "project_leaders", "scale_2", "7", 4),
    ("T52", "social_housing_board", "project_leaders", "scale_3", "5", 3),
    ("T52", "social_housing_board", "project_leaders", "scale_4", "4", 2),
    ("T52", "social_housing_board", "project_leaders", "scale_5", "18", 10),
    ("T52", "social_housing_board", "project_leaders", "no_cooperation", "34", 19),
    ("T52", "social_housing_board", "project_leaders", "dont_know", "32", 18),
    ("T52", "social_housing_board", "project_leaders", "total", "100", 56),
    ("T52", "social_housing_board", "board_members", "scale_1", "1", 1),
    ("T52", "social_housing_board", "board_members", "scale_2", "3", 6),
    ("T52", "social_housing_board", "board_members", "scale_3", "13", 24),
    ("T52", "social_housing_board", "board_members", "scale_4", "26", 48),
    ("T52", "social_housing_board", "board_members", "scale_5", "26", 48),
    ("T52", "social_housing_board", "board_members", "no_cooperation", "4", 8),
    ("T52", "social_housing_board", "board_members", "dont_know", "27", 50),
    ("T52", "social_housing_board", "board_members", "total", "100", 185),
    # Tabel 53: PDF page 77 (printed p. 75).
    # Erratum: "Øvrigt samarbejde" prints "43% (43)" in the fifth column (counts add to 75,
    # not 56; 24 of 56 would be 43 %).
    ("T53", "implementation_of_interventions", "all", "scale_1", "0", 0),
    ("T53", "implementation_of_interventions", "all", "scale_2", "9", 5),
    ("T53", "implementation_of_interventions", "all", "scale_3", "20", 11),
    ("T53", "implementation_of_interventions", "all", "scale_4", "21", 12),
    ("T53", "implementation_of_interventions", "all", "scale_5", "23", 13),
    ("T53", "implementation_of_interventions", "all", "no_cooperation", "23", 13),
    ("T53", "implementation_of_interventions", "all", "dont_know", "4", 2),
    ("T53", "implementation_of_interventions", "all", "total", "100", 56),
    ("T53", "other_cooperation", "all", "scale_1", "0", 0),
    ("T53", "other_cooperation", "all", "scale_2", "2", 1),
    ("T53", "other_cooperation", "all", "scale_3", "23", 13),
    ("T53", "other_cooperation", "all", "scale_4", "25", 14),
    ("T53", "other_cooperation", "all", "scale_5", "43", 43),
    ("T53", "other_cooperation", "all", "no_cooperation", "4", 2),
    ("T53", "other_cooperation", "all", "dont_know", "4", 2),
    ("T53", "other_cooperation", "all", "total", "100", 56),
]

# Cells the seed prints differently from what observations.csv holds (kept as
# strict xfail so the discrepancy stays visible and the test flips when fixed).
KNOWN_MISMATCHES: dict[tuple[str, str, str, str], str] = {}

# Cells that are inconsistent in the print itself (see the table comments above).
ERRATA = [
    ("T53", "other_cooperation", "all", "scale_5"),
    ("T53", "other_cooperation", "all", "total"),
]


def test_cell_counts_per_table(observations):
    counts = Counter(row["table_id"] for row in observations)
    assert {table: counts[table] for table in EXPECTED_CELL_COUNTS} == EXPECTED_CELL_COUNTS


def test_every_table_has_pinned_cells():
    pinned = Counter(cell[0] for cell in PRINTED)
    assert set(pinned) == set(EXPECTED_CELL_COUNTS)
    assert all(pinned[table] >= 3 for table in EXPECTED_CELL_COUNTS)


def test_pinned_cells_are_unique():
    keys = [cell[:4] for cell in PRINTED]
    assert len(keys) == len(set(keys))


def _as_text(number: str | int | None) -> str:
    return "" if number is None else str(number)


def _param(cell):
    marks = ()
    if cell[:4] in KNOWN_MISMATCHES:
        marks = pytest.mark.xfail(reason=KNOWN_MISMATCHES[cell[:4]], strict=True)
    return pytest.param(*cell, id="-".join(cell[:4]), marks=marks)


@pytest.mark.parametrize(
    "table_id,row_id,group,column_id,percent,count", [_param(cell) for cell in PRINTED]
)
def test_printed_cell(cells, table_id, row_id, group, column_id, percent, count):
    row = cells.get((table_id, row_id, group, column_id))
    assert row is not None, "cell missing from observations.csv"
    assert (row["percent"], row["count"]) == (_as_text(percent), _as_text(count))


@pytest.mark.parametrize("key", ERRATA, ids="-".join)
def test_printed_inconsistency_is_flagged(cells, key):
    assert "printed_inconsistency" in cells[key]["flags"].split(";")
