"""Clinics and their patients, set up fresh for each scenario."""
from behave import given

from clinic_suite.clinic_setup import add_patient, set_up_clinic


@given("{clinic} takes bookings by phone")
async def clinic_takes_bookings(context, clinic):
    await set_up_clinic(context.world, clinic)


@given("{name} is a patient of the clinic who agrees to her calls being kept on record")
async def consenting_patient(context, name):
    await add_patient(context.world, name, context.world.clinic(), consent=True)
