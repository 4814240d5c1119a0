"""The app's screens: each knows its place in the course so the learner can come back to it."""

from .base import CourseScreen

__all__ = ["CourseScreen"]
