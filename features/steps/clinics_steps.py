"""Clinics and their patients, set up fresh for each scenario."""
from behave import given

from clinic_suite.journeys import inbound
from clinic_suite.journeys.clinics import add_patient, set_up_clinic


@given("{clinic} takes bookings by phone")
async def clinic_takes_bookings(context, clinic):
    await set_up_clinic(context.world, clinic)


@given("{first} and {second} both take bookings by phone on lines that sign with {credential}")
async def two_clinics_signing(context, first, second, credential):
    for name in (first, second):
        await set_up_clinic(context.world, name, vapi_auth=inbound.CREDENTIALS[credential])


@given("{first} and {second} both take bookings by phone")
async def two_clinics(context, first, second):
    for name in (first, second):
        await set_up_clinic(context.world, name)


@given("{name} is a patient of the clinic who agrees to her calls being kept on record")
async def consenting_patient(context, name):
    await add_patient(context.world, name, context.world.clinic(), consent=True)
    context.world.patient(name)


@given("{name} is a caller who has not agreed to his calls being kept on record")
async def non_consenting_caller(context, name):
    await add_patient(context.world, name, context.world.clinic(), consent=False)
    context.world.patient(name)
